import Foundation
import PNSDoctorCore

/// Writing to standard error (Swift 6 forbids touching the C `stderr` global).
///
/// A write that fails (standard error closed, or a full disk) must not crash the program, as
/// `FileHandle.write(_:)` does by trapping; it is remembered instead, so that a command whose
/// every message was lost does not pass for a success (see `PNSDoctorCommand.main`).
enum StandardError {
  /// Whether a message could not be written.
  static var writeFailed: Bool { failed.isSet }

  private static let failed = FailureFlag()

  /// Writes a message. Messages quote file names, arguments and data, so each line is made
  /// safe for the terminal, and the numbers in it masked, here, once for every message (a
  /// number typed as an argument is echoed by the error about it; `--reveal` is for results).
  static func write(_ text: String, newline: Bool = true) {
    let safe = TerminalSanitizer.sanitizeLines(PhoneNumber.maskAll(in: text))
    send(newline ? safe + "\n" : safe)
  }

  /// Writes this program's own terminal control (the progress bar's carriage return and line
  /// clearing), which must not be sanitised. Never pass text from data or arguments.
  static func writeControl(_ text: String) {
    send(text)
  }

  /// Whether standard error is a terminal (for progress bars).
  static var isTerminal: Bool { isatty(2) == 1 }

  private static func send(_ text: String) {
    do {
      try FileHandle.standardError.write(contentsOf: Data(text.utf8))
    } catch {
      failed.set()
    }
  }
}

/// A flag set once from any thread (the progress bar writes from its own).
private final class FailureFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }

  func set() { lock.withLock { value = true } }
}

/// Exit statuses, in one place.
enum ExitStatus {
  /// Some records were rejected.
  static let partial: Int32 = 1
  /// Nothing could be read.
  static let nothingRead: Int32 = 2
  /// The knowledge base does not load, or `rules lint` / `rules test` found problems.
  static let knowledgeFailure: Int32 = 65
  /// The store could not be opened or written, or the output could not be written (EX_IOERR).
  static let storeFailure: Int32 = 74
  /// A program pnsdoctor runs (pnsdoctor-serve) is missing or cannot be run (EX_UNAVAILABLE).
  static let unavailable: Int32 = 69
}
