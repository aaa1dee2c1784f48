/// Makes text from data safe to show on a terminal. Every human-readable output goes through it:
/// the TUI's screen buffer, the CLI's reports, and every message on standard error.
///
/// A CDR field can hold anything a caller or a broken receiver put there, and a file name or an
/// argument anything a person pasted. Unsafe characters are replaced by visible placeholders, so
/// that what the engineer sees is what the data holds and nothing in it reaches the terminal as
/// a command:
/// - C0 controls, DEL and C1 controls: ESC starts CSI and OSC sequences (cursor moves, screen
///   clears, window title, clipboard writes through OSC 52); U+009B and U+009D are the one-byte
///   CSI and OSC some terminals still honour;
/// - format characters (general category Cf): bidirectional embeddings, overrides, isolates and
///   marks, which reorder what is shown, and zero-width characters, which hide text;
/// - line and paragraph separators (U+2028, U+2029), which some terminals break lines on;
/// - other default-ignorable characters (U+034F, U+115F, U+3164, variation selectors...), which
///   draw nothing and so can hide or disguise text;
/// - long runs of combining marks ("Zalgo" text): a terminal stacks them on one cell or spills
///   them into the next, breaking the layout; past `combiningMarksKept` on one character the run
///   is cut and one `…` shows that it was.
public enum TerminalSanitizer {
  /// Combining marks kept on one character: enough for any real script (Vietnamese stacks two,
  /// Tibetan and Devanagari clusters three or four), and what one TUI cell holds with its base.
  public static let combiningMarksKept = 4

  /// The text with every unsafe character replaced: C0 controls by their Unicode "control
  /// picture" (`␛` for ESC), the others by `\u{XXXX}`. Text longer than `limit` characters is cut
  /// with `…`.
  public static func sanitize(_ text: String, limit: Int = 4096) -> String {
    var output = ""
    var count = 0
    var marksInRun = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x300 && isCombiningMark(scalar) {
        marksInRun += 1
        if marksInRun > combiningMarksKept {
          if marksInRun == combiningMarksKept + 1 && count < limit {
            output += "…"
            count += 1
          }
          continue
        }
      } else {
        marksInRun = 0
      }
      if count >= limit {
        output += "…"
        break
      }
      count += 1
      if value < 0x20 {
        output.unicodeScalars.append(Unicode.Scalar(0x2400 + value) ?? "?")
      } else if value == 0x7F {
        output += "␡"
      } else if isUnsafe(scalar) {
        output += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  /// Sanitises each line of a message of several lines, keeping its line breaks (the messages
  /// this program writes span lines on purpose; the data quoted in them must not).
  public static func sanitizeLines(_ text: String, limit: Int = 4096) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { sanitize(String($0), limit: limit) }
      .joined(separator: "\n")
  }

  /// Whether a scalar is a mark drawn on the character before it (general categories Mn and Me;
  /// spacing marks, Mc, take a column of their own and cannot stack).
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x300 || (value >= 0x3400 && value < 0xD800) { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Whether a character at or above U+0020 must not reach a terminal as it is.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x7F }
    if value < 0xA0 { return true }
    // Fast path: CJK and most printable text (the common case by far) is safe.
    if value >= 0x3400 && value < 0xD800 { return value == 0x3164 }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
    default: return scalar.properties.isDefaultIgnorableCodePoint
    }
  }
}
