/// What a piece of text on screen is, not how it looks: the terminal driver maps roles to
/// colours that read on light and dark backgrounds, or to bold and reverse without colour.
public enum Role: UInt8, Sendable, CaseIterable {
  case normal
  /// Column headings and section titles.
  case heading
  /// The selected row.
  case selected
  /// Secondary text: hints, absent values.
  case muted
  /// Failure: failed calls, error messages.
  case failure
  /// Success: answered calls, sent messages.
  case success
  /// Worth attention: warnings, unknown verdicts.
  case warning
  /// Key names in hints and help.
  case key
  /// The status line.
  case status
  /// Where a filter matched, inside a cell.
  case match
  /// A visible placeholder for a character from data that could not be shown safely.
  case placeholder
}
