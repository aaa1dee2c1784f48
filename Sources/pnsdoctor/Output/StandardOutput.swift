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
      let posix = (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : 0
      let reason = posix != 0 ? String(cString: strerror(posix)) : error.localizedDescription
      StandardError.write("error: cannot write the output: \(reason)")
      throw ExitCode(ExitStatus.storeFailure)
    }
  }
}
