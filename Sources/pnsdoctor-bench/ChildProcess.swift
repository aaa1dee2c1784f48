import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program and measures it from outside: wall time from spawn to exit, and its peak
/// resident memory as the kernel accounts it (`wait4`'s `ru_maxrss`).
struct ChildProcess {
  /// What one run gave.
  struct Outcome {
    var status: Int32
    var seconds: Double
    /// Peak resident set size in bytes.
    var peakMemory: Int
    /// Standard output and error, when they were captured to files.
    var output: String
    var errors: String
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `executable` with `arguments`; standard input from `inputPath` (else /dev/null),
  /// standard output to `outputPath` (else captured). Standard error is always captured.
  static func run(
    _ executable: String, _ arguments: [String], inputPath: String? = nil, outputPath: String? = nil,
    environment: [String: String] = [:]
  ) throws -> Outcome {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
    let capturedOutput = outputPath ?? scratch.path + ".out"
    let capturedErrors = scratch.path + ".err"
    defer {
      if outputPath == nil { try? FileManager.default.removeItem(atPath: capturedOutput) }
      try? FileManager.default.removeItem(atPath: capturedErrors)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputPath ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, capturedOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, capturedErrors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let started = Monotonic.now()
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
      guard errno == EINTR else {
        throw Failure(description: "waiting for \(executable): \(String(cString: strerror(errno)))")
      }
    }
    let seconds = Monotonic.seconds(since: started)
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Outcome(
      status: exitStatus, seconds: seconds, peakMemory: Int(usage.ru_maxrss) * 1024,
      output: outputPath == nil ? ((try? String(contentsOfFile: capturedOutput, encoding: .utf8)) ?? "") : "",
      errors: (try? String(contentsOfFile: capturedErrors, encoding: .utf8)) ?? "")
  }

  /// The full path of `program` on PATH, if it is installed.
  static func find(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// A clock shared by every process on the machine, so that a child can measure from the
/// moment its parent started it.
enum Monotonic {
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  static func seconds(since start: UInt64) -> Double {
    Double(now() - start) / 1e9
  }
}
