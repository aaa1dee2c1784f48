import Foundation

/// Instructions a process executes, from `perf stat`, where this machine's processor and
/// kernel let perf count them (a virtual machine often does not).
enum InstructionCounter {
  /// perf, when it is installed and counts instructions here.
  static func perf() -> String? {
    guard let perf = ChildProcess.find("perf"),
      let probe = try? ChildProcess.run(perf, ["stat", "-x", ",", "-e", "instructions:u", "--", "true"]),
      probe.status == 0, let line = probe.errors.split(separator: "\n").first(where: { $0.contains("instructions") }),
      Int(line.split(separator: ",").first ?? "") != nil
    else { return nil }
    return perf
  }

  /// The count perf wrote to `path` (CSV: the count is the first field of the instructions line).
  static func instructions(inPerfOutput path: String) -> Int? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.contains("instructions") {
      if let count = Int(line.split(separator: ",").first ?? "") { return count }
    }
    return nil
  }
}

extension InstructionCounter {
  /// Instructions counted by valgrind's callgrind (it simulates the processor, so it counts
  /// where perf cannot, some 50 times slower: for a small import only). Every thread counts.
  /// valgrind 3.19 cannot read this toolchain's debug information, so it runs a copy of the
  /// executable without it (`objcopy --strip-debug`).
  static func callgrind(_ executable: String, _ arguments: [String], folder: URL) throws -> Int? {
    guard let valgrind = ChildProcess.find("valgrind"), let objcopy = ChildProcess.find("objcopy") else { return nil }
    let stripped = folder.appendingPathComponent("pnsdoctor-without-debug-info").path
    if !FileManager.default.fileExists(atPath: stripped) {
      guard try ChildProcess.run(objcopy, ["--strip-debug", executable, stripped]).status == 0 else { return nil }
    }
    let output = folder.appendingPathComponent("callgrind-\(UUID().uuidString).out").path
    let run = try ChildProcess.run(
      valgrind, ["--tool=callgrind", "--callgrind-out-file=\(output)", stripped] + arguments)
    guard run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
      if let count = Int(line.split(separator: " ").last ?? "") { return count }
    }
    return nil
  }
}
