import Foundation
import GRDB
import Testing

/// A real child process is killed in the middle of a large import; the store must open, hold
/// whole records only, and a re-import must complete it exactly once.
@Suite("Kill during import")
struct KillDuringImportTests {
  private struct Snapshot: Equatable {
    var calls, events, records, sms, deliveries, failed: Int
  }

  private func snapshot(_ path: String) throws -> Snapshot {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
      return Snapshot(
        calls: try count("SELECT COUNT(*) FROM calls"),
        events: try count("SELECT COUNT(*) FROM call_event"),
        records: try count("SELECT COUNT(*) FROM cdr"),
        sms: try count("SELECT COUNT(*) FROM sms"),
        deliveries: try count("SELECT SUM(deliveries) FROM cdr"),
        failed: try count("SELECT COUNT(*) FROM calls WHERE failed = 1"))
    }
  }

  @Test func aKilledImportLeavesWholeRecordsAndReimportCompletesItOnce() throws {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("pushes.jsonl").path
    let generated = try CommandRunner.run(["demo", "--count", "6000", "--seed", "9", "--out", data])
    try #require(generated.status == 0)

    let killedStore = folder.appendingPathComponent("killed.sqlite").path
    let (process, _, _) = try CommandRunner.start(["import", data, "--store", killedStore])
    // Wait until at least one batch is committed, then kill without warning.
    let deadline = Date().addingTimeInterval(60)
    var committed = 0
    while Date() < deadline && process.isRunning {
      if FileManager.default.fileExists(atPath: killedStore),
        let queue = try? DatabaseQueue(path: killedStore),
        let events = try? queue.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM call_event") }), events > 0
      {
        committed = events
        break
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    try #require(process.isRunning, "the import finished before it could be killed; use more calls")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(committed > 0)

    // The store opens, is intact, and every stored message is whole and consistent.
    let queue = try DatabaseQueue(path: killedStore)
    try queue.read { db in
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      for raw in try String.fetchAll(db, sql: "SELECT raw FROM call_event UNION ALL SELECT raw FROM cdr") {
        #expect((try? JSONSerialization.jsonObject(with: Data(raw.utf8))) != nil)
      }
      // Every call row is backed by its messages, and every message's call row exists.
      #expect(
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM call_event e WHERE e.session_id = c.session_id)
              AND NOT EXISTS (SELECT 1 FROM cdr r WHERE r.session_id = c.session_id)
            """) == 0)
      #expect(
        try Int.fetchOne(
          db,
          sql:
            "SELECT COUNT(*) FROM call_event e WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.session_id = e.session_id)"
        )
          == 0)
    }
    let partial = try snapshot(killedStore)

    // Re-importing completes the store exactly as one clean import would have built it.
    let resumed = try CommandRunner.run(["import", data, "--store", killedStore])
    #expect(resumed.status == 0, "\(resumed.errors)")
    let cleanStore = folder.appendingPathComponent("clean.sqlite").path
    let clean = try CommandRunner.run(["import", data, "--store", cleanStore])
    #expect(clean.status == 0)
    let completed = try snapshot(killedStore)
    let reference = try snapshot(cleanStore)
    #expect(completed == reference)
    #expect(partial.events < reference.events)
    #expect(reference.calls == 6000)
  }
}
