/// How many terminal columns text takes: East Asian wide and fullwidth characters take two,
/// combining marks none, everything else one.
///
/// The TUI asks ncurses (`wcwidth`); plain output uses this table so that columns of a table
/// with Chinese text line up without a terminal library.
public enum DisplayWidth {
  /// Columns taken by `text`.
  public static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + of($1) }
  }

  /// Columns taken by one scalar.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x300 { return 1 }
    if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFE0F { return 0 }
    let wideRanges: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
  }

  /// `text` cut to at most `width` columns (ending in `…` when cut) and padded with spaces to
  /// exactly `width` columns.
  public static func fit(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    let total = of(text)
    if total <= width { return text + String(repeating: " ", count: width - total) }
    var output = ""
    var used = 0
    for scalar in text.unicodeScalars {
      let next = of(scalar)
      if used + next > width - 1 { break }
      output.unicodeScalars.append(scalar)
      used += next
    }
    output += "…"
    used += 1
    return output + String(repeating: " ", count: max(0, width - used))
  }
}
