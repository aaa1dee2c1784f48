import ArgumentParser
import Foundation

/// Writing to standard output, checked. Swift's `print` drops a failed write silently, so a
/// report written to a full disk would pass for success; here the failure stops the command
/// with a message and exit status 74. (A closed pipe is not a failure to report: SIGPIPE ends
/// the process first, as for any Unix tool.)
enum StandardOutput {
  /// Writes `text` and `terminator`, like `print`.
  static func print(_ text: String, terminator: String = "\n") throws {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data((text + terminator).utf8))
    } catch {
      throw writeFailed(error, writing: "the output")
    }
  }

  /// Reports a failed write of `target` (a file, or the output) with the system's reason, and
  /// returns the exit status to throw.
  static func writeFailed(_ error: any Error, writing target: String) -> ExitCode {
    let nsError = error as NSError
    let posix = [nsError, nsError.userInfo[NSUnderlyingErrorKey] as? NSError]
      .compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }
    let reason = posix.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    StandardError.write("error: cannot write \(target): \(reason)")
    return ExitCode(ExitStatus.storeFailure)
  }
}
