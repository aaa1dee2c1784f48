/// Makes text from data safe to show on a terminal.
///
/// A CDR field can hold anything a caller or a broken receiver put there. Control characters
/// (C0, DEL, C1, ESC, which would start CSI/OSC sequences that move the cursor, set the title
/// or write the clipboard), bidirectional overrides and zero-width characters are replaced by
/// visible placeholders, so what the engineer sees is what the data holds.
public enum TerminalSanitizer {
  /// The text with every unsafe character replaced: C0 controls by their Unicode "control
  /// picture" (`␛` for ESC), the others by `\u{XXXX}`. Text longer than `limit` characters is cut
  /// with `…`.
  public static func sanitize(_ text: String, limit: Int = 4096) -> String {
    var output = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count >= limit {
        output += "…"
        break
      }
      count += 1
      let value = scalar.value
      switch value {
      case 0x00..<0x20:
        output.unicodeScalars.append(Unicode.Scalar(0x2400 + value) ?? "?")
      case 0x7F:
        output += "␡"
      case 0x80..<0xA0, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
        output += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
