import Foundation

/// Writing to standard error (Swift 6 forbids touching the C `stderr` global).
enum StandardError {
  static func write(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
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
  /// The store could not be opened or written.
  static let storeFailure: Int32 = 74
}
