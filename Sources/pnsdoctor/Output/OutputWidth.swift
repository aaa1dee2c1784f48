import Foundation

/// How wide standard output is, for tables that fit it: `COLUMNS` when set, else the
/// terminal's own width; unlimited (`nil`) when output goes to a pipe or a file, as `ls` does.
enum OutputWidth {
  /// The narrowest width worth fitting to; below it, tables are printed whole.
  static let narrowest = 40

  static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
    if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)) {
      return columns >= narrowest ? columns : nil
    }
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, Int(size.ws_col) >= narrowest else { return nil }
    return Int(size.ws_col)
  }
}
