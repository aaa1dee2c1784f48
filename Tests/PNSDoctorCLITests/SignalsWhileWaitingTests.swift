import Foundation
import Testing

/// An import waiting for input that does not come (a FIFO nobody writes, a pipe that stays
/// silent) still stops within a second of SIGINT, SIGTERM or SIGHUP, with its report, the
/// "stopped by" line and 128 + the signal; a signal is never lost, whenever it comes; a folder
/// holding a FIFO is read without waiting on it. Each case runs 20 times, its signals in turn.
@Suite("Signals while an import waits", .tags(.slow))
struct SignalsWhileWaitingTests {
  private static let signals: [(Int32, String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")]
  private static let repetitions = 20

  /// One good record, a call event.
  private static let record =
    #"{"eventType":"callin","statusInfo":{"sessionId":"wait-1","timestamp":"2024-05-13 05:24:57"}}"# + "\n"

  /// What a signalled import did: its status, how long it took to end after the signal, and
  /// its two streams.
  private struct Ending {
    var reason: Process.TerminationReason
    var status: Int32
    var seconds: Double
    var output: String
    var errors: String
  }

  /// Starts `arguments`, lets `prepare` act on the running process (feed it, wait), sends
  /// `signal`, and waits for the end (killing it after 10 s, a hang).
  private func signalled(
    _ arguments: [String], signal: Int32, stdin: Pipe? = nil, prepare: (Process) throws -> Void
  ) throws -> Ending {
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let input = stdin ?? Pipe()
    process.standardInput = input
    let outputReader = PipeDrain(output)
    let errorReader = PipeDrain(errors)
    try process.run()
    try prepare(process)
    let sent = Date()
    kill(process.processIdentifier, signal)
    let ended = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      process.waitUntilExit()
      ended.signal()
    }
    if ended.wait(timeout: .now() + 10) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      ended.wait()
    }
    let seconds = Date().timeIntervalSince(sent)
    try? input.fileHandleForWriting.close()
    return Ending(
      reason: process.terminationReason, status: process.terminationStatus, seconds: seconds,
      output: String(decoding: outputReader.wait(), as: UTF8.self),
      errors: String(decoding: errorReader.wait(), as: UTF8.self))
  }

  private func expectStopped(_ ending: Ending, by signal: (Int32, String), _ what: String) {
    #expect(ending.reason == .exit, "\(what): ended by a signal, not by itself")
    #expect(ending.status == 128 + signal.0, "\(what): status \(ending.status), \(ending.errors)")
    // A second is the promise; the bound here leaves room for a machine busy with the other
    // suites (the process must still close its store and exit). The median is held to it.
    #expect(ending.seconds < 2, "\(what): \(ending.seconds) s after \(signal.1)")
    #expect(ending.errors.contains("stopped by \(signal.1)"), "\(what): \(ending.errors)")
    #expect(ending.output.contains("read "), "\(what): no report: \(ending.output)")
  }

  /// The median of the times an import took to end after its signal: under a second.
  private func expectPromptOnTheWhole(_ seconds: [Double], _ what: String) {
    let median = seconds.sorted()[seconds.count / 2]
    #expect(median < 1, "\(what): median \(median) s, all \(seconds)")
  }

  /// Waits until the process has started and settled into its wait (knowledge loaded, store
  /// open): half a second is ample for the debug build, and a signal before that must also
  /// stop it (the next test sends them earlier).
  private func settle(_ process: Process) {
    Thread.sleep(forTimeInterval: 0.5)
  }

  @Test func aFIFOWithNoWriterIsOpenedWithoutWaitingAndStops() throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("nobody-writes").path
    try #require(mkfifo(fifo, 0o600) == 0)
    var seconds: [Double] = []
    for round in 0..<Self.repetitions {
      let signal = Self.signals[round % 3]
      let store = folder.appendingPathComponent("fifo-\(round).sqlite").path
      let ending = try signalled(["import", fifo, "--store", store], signal: signal.0, prepare: settle)
      expectStopped(ending, by: signal, "FIFO round \(round)")
      seconds.append(ending.seconds)
    }
    expectPromptOnTheWhole(seconds, "FIFO")
  }

  @Test func aSilentPipeOnStandardInputStops() throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var seconds: [Double] = []
    for round in 0..<Self.repetitions {
      let signal = Self.signals[round % 3]
      let store = folder.appendingPathComponent("pipe-\(round).sqlite").path
      let stdin = Pipe()
      let ending = try signalled(["import", "-", "--store", store], signal: signal.0, stdin: stdin) { process in
        // Some data first, then silence: the wait is in the middle of the input. The signal
        // comes once the import has taken the record out of the pipe (on a loaded machine its
        // start can take longer than any fixed pause), and a moment after.
        stdin.fileHandleForWriting.write(Data(Self.record.utf8))
        settle(process)
        let deadline = Date().addingTimeInterval(20)
        var unread: Int32 = 1
        while Date() < deadline, ioctl(stdin.fileHandleForReading.fileDescriptor, UInt(FIONREAD), &unread) == 0,
          unread > 0
        {
          Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: 0.2)
      }
      expectStopped(ending, by: signal, "pipe round \(round)")
      seconds.append(ending.seconds)
      // What came before the signal is stored.
      let listing = try CommandRunner.run(["calls", "--store", store, "--format", "json"])
      #expect(listing.output.contains("wait-1"), "pipe round \(round): \(listing.output) \(listing.errors)")
    }
    expectPromptOnTheWhole(seconds, "pipe")
  }

  @Test func aSignalAtAnyMomentOfTheStartIsNeverLost() throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for round in 0..<Self.repetitions {
      let signal = Self.signals[round % 3]
      let store = folder.appendingPathComponent("early-\(round).sqlite").path
      let stdin = Pipe()
      // From at once to well after the start: loading knowledge, opening the store, reading.
      let delay = Double(round) * 0.025
      let ending = try signalled(["import", "-", "--store", store], signal: signal.0, stdin: stdin) { _ in
        stdin.fileHandleForWriting.write(Data(Self.record.utf8))
        Thread.sleep(forTimeInterval: delay)
      }
      // The input is still open when the signal comes: the import cannot have ended by itself.
      // Before the program could listen the signal ends it as unhandled; after, as a stop.
      let what = "round \(round), signal after \(delay) s"
      #expect(ending.seconds < 2, "\(what): \(ending.seconds) s")
      if ending.reason == .uncaughtSignal {
        #expect(ending.status == signal.0, "\(what)")
      } else {
        #expect(ending.status == 128 + signal.0, "\(what): status \(ending.status), \(ending.errors)")
        #expect(ending.errors.contains("stopped by \(signal.1)"), "\(what): \(ending.errors)")
      }
    }
  }

  @Test func aFolderHoldingAFIFOIsReadAndTheFIFOSkippedWithAMessage() throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try Data(Self.record.utf8).write(to: inputs.appendingPathComponent("good.jsonl"))
    try #require(mkfifo(inputs.appendingPathComponent("pipe").path, 0o600) == 0)
    let store = folder.appendingPathComponent("store.sqlite").path
    let started = Date()
    let result = try CommandRunner.run(["import", inputs.path, "--store", store])
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(result.status == 1, "one input was not read: \(result.output) \(result.errors)")
    #expect(result.output.contains("new 1"), "\(result.output)")
    #expect(result.output.contains("pipe") && result.output.contains("named pipe (FIFO), not a regular file"), "\(result.output)")
  }
}
