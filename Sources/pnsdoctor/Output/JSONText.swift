import Foundation
import PNSDoctorCore

/// JSON encoding for machine output: sorted keys, readable, and never a crash.
enum JSONText {
  /// A time as scripts read it: ISO 8601 in UTC (`2024-05-13T05:25:41Z`).
  static func isoTime(_ time: Timestamp?) -> String? {
    time.map { TimeDisplay.utc.format($0).replacingOccurrences(of: " ", with: "T") + "Z" }
  }

  /// The value as pretty-printed JSON with sorted keys, every character a terminal could act on
  /// escaped (see `escapingTerminalUnsafe`), and a final line break.
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null\n" }
    return escapingTerminalUnsafe(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// JSON text with DEL, C1 controls, bidirectional and invisible characters written as `\uXXXX`
  /// (a pair of them beyond U+FFFF). The encoder already escapes C0 controls; the rest it writes
  /// raw, and JSON output is read on terminals too (`| less`, a script's log): U+009B alone
  /// starts a control sequence on some. Such characters only occur inside strings, where an
  /// escape means the same character, so a script reads exactly the data.
  static func escapingTerminalUnsafe(_ json: String) -> String {
    // Pure ASCII below DEL, the common case, has nothing to escape.
    guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }
    var output = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      guard scalar.value >= 0x7F, TerminalSanitizer.isUnsafe(scalar) else {
        output.append(scalar)
        continue
      }
      for unit in String(scalar).utf16 {
        let hex = String(unit, radix: 16)
        output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
      }
    }
    return String(output)
  }
}
