import Foundation

/// Runs the built `pnsdoctor` binary, as a user would.
struct CommandRunner {
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// The folder holding the built products (the test bundle sits beside `pnsdoctor`).
  static var productsFolder: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  static var executable: URL { productsFolder.appendingPathComponent("pnsdoctor") }

  /// A new empty temporary folder.
  static func temporaryFolder() -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Starts `pnsdoctor` with `arguments` without waiting; through `launcher` when one is given
  /// (a program and its arguments that end by running the program after them, as `setpriv`).
  static func start(
    _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
    launcher: [String] = []
  ) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    var merged = ProcessInfo.processInfo.environment
    merged["LANG"] = "C"
    merged["LC_ALL"] = nil
    merged["LC_MESSAGES"] = nil
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(input) }
    try stdin.fileHandleForWriting.close()
    return (process, output, errors)
  }

  /// Runs `pnsdoctor` with `arguments` to completion.
  static func run(
    _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
    launcher: [String] = []
  ) throws -> Result {
    let (process, output, errors) = try start(
      arguments, input: input, environment: environment, directory: directory, launcher: launcher)
    // Both pipes are drained at once: reading one to its end while the child fills the other
    // would deadlock.
    let errorReader = PipeDrain(errors)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errorReader.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeDrain: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ pipe: Pipe) {
    let handle = pipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything the pipe held (the semaphore orders the write before this read).
  func wait() -> Data {
    done.wait()
    return data
  }
}
