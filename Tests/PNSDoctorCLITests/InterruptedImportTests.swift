import Foundation
import Testing

/// A real child import is interrupted in the middle: killed outright, or asked to stop by
/// SIGINT, SIGTERM or SIGHUP. The store must open, hold whole records only, and a re-import
/// must complete it exactly as one clean import builds it.
@Suite("Interrupted imports")
struct InterruptedImportTests {
  /// Demo data of 6,000 calls, and the store a clean import of it builds (made once).
  private static let reference: (data: String, snapshot: StoreSnapshot)? = {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("pushes.jsonl").path
    guard (try? CommandRunner.run(["demo", "--count", "6000", "--seed", "9", "--out", data]))?.status == 0
    else { return nil }
    let store = folder.appendingPathComponent("clean.sqlite").path
    guard (try? CommandRunner.run(["import", data, "--store", store]))?.status == 0,
      let snapshot = try? StoreSnapshot(store)
    else { return nil }
    return (data, snapshot)
  }()

  /// Starts an import of the reference data, interrupts it with `signal` once a batch is in,
  /// and returns the finished process, what it printed and the store.
  private func interruptedImport(_ signal: Int32) throws -> (Process, String, String, String) {
    let (data, _) = try #require(Self.reference)
    let store = CommandRunner.temporaryFolder().appendingPathComponent("interrupted.sqlite").path
    let (process, output, errors) = try CommandRunner.start(["import", data, "--store", store])
    let errorReader = PipeDrain(errors)
    let outputReader = PipeDrain(output)
    let started = StoreSnapshot.waitForFirstBatch(store, of: process)
    try #require(started && process.isRunning, "the import finished before it could be interrupted; use more calls")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let printed = String(decoding: outputReader.wait(), as: UTF8.self)
    return (process, printed, String(decoding: errorReader.wait(), as: UTF8.self), store)
  }

  /// The store is whole, holds part of the input, and a re-import completes it exactly.
  private func expectResumable(_ store: String) throws {
    let (data, reference) = try #require(Self.reference)
    try StoreSnapshot.expectWhole(store)
    let partial = try StoreSnapshot(store)
    #expect(partial.events > 0 && partial.events < reference.events)
    let resumed = try CommandRunner.run(["import", data, "--store", store])
    #expect(resumed.status == 0, "\(resumed.errors)")
    #expect(try StoreSnapshot(store) == reference)
    #expect(reference.calls == 6000)
  }

  @Test func aKilledImportLeavesWholeRecordsAndReimportCompletesItOnce() throws {
    let (process, _, _, store) = try interruptedImport(SIGKILL)
    #expect(process.terminationReason == .uncaughtSignal)
    try expectResumable(store)
  }

  @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")])
  func aStopSignalEndsTheImportAfterItsBatchWithAReport(signal: Int32, name: String) throws {
    let (process, output, errors, store) = try interruptedImport(signal)
    // The shell's convention for "ended by this signal", after a report of what was stored.
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + signal)
    #expect(output.contains("read ") && output.contains("new "), "\(output)")
    #expect(errors.contains("stopped by \(name)"), "\(errors)")
    #expect(errors.contains("import the same input again"))
    try expectResumable(store)
  }
}
