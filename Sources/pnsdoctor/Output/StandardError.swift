import Foundation
import PNSDoctorCore

/// Writing to standard error (Swift 6 forbids touching the C `stderr` global).
enum StandardError {
  /// Writes a message. Messages quote file names, arguments and data, so each line is made
  /// safe for the terminal here, once for every message.
  static func write(_ text: String, newline: Bool = true) {
    let safe = TerminalSanitizer.sanitizeLines(text)
    FileHandle.standardError.write(Data((newline ? safe + "\n" : safe).utf8))
  }

  /// Writes this program's own terminal control (the progress bar's carriage return and line
  /// clearing), which must not be sanitised. Never pass text from data or arguments.
  static func writeControl(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Whether standard error is a terminal (for progress bars).
  static var isTerminal: Bool { isatty(2) == 1 }
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
}
