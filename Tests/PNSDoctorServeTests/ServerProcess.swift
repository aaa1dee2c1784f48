import Foundation

/// A `pnsdoctor-serve` started for a test on a free loopback port, with a store of its own in
/// a temporary folder; what it says on standard error is collected. `stop` ends it and removes
/// the folder.
final class ServerProcess: @unchecked Sendable {
  static var productsFolder: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  let folder: URL
  let storePath: String
  private(set) var port = 0
  let process = Process()
  private let errors = Pipe()
  private let lock = NSLock()
  private var said = Data()
  private let ended = DispatchSemaphore(value: 0)

  /// Starts the receiver with `arguments` (after `--listen 127.0.0.1:0 --store …`) and waits
  /// for its start line. `folder` reuses a store (a restart); the new process owns it then.
  init(_ arguments: [String] = [], folder: URL? = nil, program: String = "pnsdoctor-serve") throws {
    self.folder =
      folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
    storePath = self.folder.appendingPathComponent("store.sqlite").path
    process.executableURL = Self.productsFolder.appendingPathComponent(program)
    process.arguments =
      (program == "pnsdoctor" ? ["serve"] : []) + ["--listen", "127.0.0.1:0", "--store", storePath] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C"
    process.environment = environment
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let handle = errors.fileHandleForReading
    try process.run()
    Thread.detachNewThread { [self] in
      while case let data = handle.availableData, !data.isEmpty {
        lock.lock()
        said.append(data)
        lock.unlock()
      }
      ended.signal()
    }
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      if let match = stderrText.firstMatch(of: /listening on https?:\/\/127\.0\.0\.1:(\d+)/) {
        port = Int(match.1) ?? 0
        return
      }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.terminate()
    throw LoopbackHTTP.Failure(description: "the receiver did not start: \(stderrText)")
  }

  /// Everything it has said on standard error so far.
  var stderrText: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: said, as: UTF8.self)
  }

  /// Sends `signal` and waits for the end (at most `timeout` seconds, then SIGKILL); returns
  /// its exit status (128 + n when ended by signal n), with its standard error read to the end.
  @discardableResult
  func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 20) -> Int32 {
    if process.isRunning { kill(process.processIdentifier, signal) }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    _ = ended.wait(timeout: .now() + 5)
    return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  }

  /// Removes its folder (the store with it).
  func removeFolder() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// POSTs `body` to `path`.
  func post(_ path: String, _ body: [UInt8], headers: [(String, String)] = []) throws -> LoopbackHTTP.Answer {
    try LoopbackHTTP.send(
      port: port, path: path, headers: [("Content-Type", "application/json;charset=UTF-8")] + headers, body: body)
  }
}

/// Runs the built `pnsdoctor` (beside the receiver) to its end, in the C locale.
enum Pnsdoctor {
  struct Outcome {
    var status: Int32
    var output: Data
    var errors: String

    var text: String { String(decoding: output, as: UTF8.self) }
  }

  static func run(_ arguments: [String]) throws -> Outcome {
    try run(
      ServerProcess.productsFolder.appendingPathComponent("pnsdoctor"), arguments,
      environment: ["LANG": "C", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"])
  }

  /// Runs `executable` to its end with both its streams read.
  static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Both pipes at once: one read to its end while the other fills would deadlock.
    let errorReader = Drain(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errorReader.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: outputData, errors: String(decoding: errorData, as: UTF8.self))
  }
}

/// Reads a pipe to its end on a thread of its own.
final class Drain: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything read (the semaphore orders the write before this read).
  func wait() -> Data {
    done.wait()
    return data
  }
}
