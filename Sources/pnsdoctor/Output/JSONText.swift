import Foundation
import PNSDoctorCore

/// JSON encoding for machine output: sorted keys, readable, and never a crash.
enum JSONText {
  /// A time as scripts read it: ISO 8601 in UTC (`2024-05-13T05:25:41Z`).
  static func isoTime(_ time: Timestamp?) -> String? {
    time.map { TimeDisplay.utc.format($0).replacingOccurrences(of: " ", with: "T") + "Z" }
  }


  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
