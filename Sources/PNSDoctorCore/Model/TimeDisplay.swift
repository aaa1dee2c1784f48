public import Foundation

/// Shows instants in one time zone: the engineer's local zone by default, or one they choose
/// (Beijing is UTC+8; the platform itself writes UTC).
public struct TimeDisplay: Sendable {
  /// The zone times are shown in.
  public let zone: TimeZone

  public init(zone: TimeZone) {
    self.zone = zone
  }

  /// UTC, as the platform writes times.
  public static let utc = TimeDisplay(zone: TimeZone(secondsFromGMT: 0) ?? .current)

  /// A zone from what a person typed: `local`, `UTC`, `+08:00`, `+8`, `UTC+8`, or an IANA name
  /// such as `Asia/Shanghai`.
  /// - Returns: `nil` when the text names no zone.
  public static func zone(named name: String) -> TimeZone? {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    switch trimmed.lowercased() {
    case "", "local": return .current
    case "utc", "gmt", "z": return TimeZone(secondsFromGMT: 0)
    case "beijing", "cst", "china": return TimeZone(secondsFromGMT: 8 * 3600)
    default: break
    }
    var offsetText = Substring(trimmed)
    if trimmed.uppercased().hasPrefix("UTC") || trimmed.uppercased().hasPrefix("GMT") {
      offsetText = offsetText.dropFirst(3)
    }
    if let sign = offsetText.first, sign == "+" || sign == "-" {
      let parts = offsetText.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
      guard (1...2).contains(parts.count), let hours = Int(parts[0]), hours <= 14 else { return nil }
      let minutes = parts.count == 2 ? Int(parts[1]) : 0
      guard let minutes, minutes < 60 else { return nil }
      let seconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
      return TimeZone(secondsFromGMT: seconds)
    }
    return TimeZone(identifier: trimmed)
  }

  /// `yyyy-MM-dd HH:mm:ss` in this zone.
  public func format(_ time: Timestamp) -> String {
    let (date, clock) = parts(of: time)
    return date + " " + clock
  }

  /// `MM-dd HH:mm:ss` in this zone: the compact form for tables.
  public func formatShort(_ time: Timestamp) -> String {
    let (date, clock) = parts(of: time)
    return String(date.dropFirst(5)) + " " + clock
  }

  /// The zone's offset at `time`, as `UTC+08:00`.
  public func offsetLabel(at time: Timestamp) -> String {
    let seconds = offsetSeconds(at: time)
    let sign = seconds < 0 ? "-" : "+"
    let minutes = abs(seconds) / 60
    return "UTC\(sign)\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
  }

  /// Reads a time a person typed, in this zone: `yyyy-MM-dd`, `yyyy-MM-dd HH:mm`,
  /// `yyyy-MM-dd HH:mm:ss`, an ISO time with its own offset, or a span back from `now` such as
  /// `30m`, `2h`, `7d`.
  public func parseUserTime(_ text: String, now: Timestamp) -> Timestamp? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let unit = trimmed.last, let amount = Int64(trimmed.dropLast()), amount >= 0 {
      let unitSeconds: Int64? = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800][unit]
      if let unitSeconds {
        // A span so large it overflows is no time at all.
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: unitSeconds * 1000)
        guard !overflow, seconds <= now.millisecondsSince1970 + 1_000_000_000_000 else { return nil }
        return Timestamp(millisecondsSince1970: now.millisecondsSince1970 - seconds)
      }
    }
    var candidate = trimmed
    if candidate.count == 10 { candidate += " 00:00:00" }
    if candidate.count == 16 { candidate += ":00" }
    let hasOwnOffset = candidate.hasSuffix("Z") || candidate.dropFirst(19).contains { $0 == "+" || $0 == "-" }
    guard let asUTC = Timestamp.parse(candidate) else { return nil }
    if hasOwnOffset { return asUTC }
    // The text was a wall-clock time in this zone: shift by the zone's offset at that moment.
    let offset = Int64(offsetSeconds(at: asUTC)) * 1000
    return Timestamp(millisecondsSince1970: asUTC.millisecondsSince1970 - offset)
  }

  private func offsetSeconds(at time: Timestamp) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.millisecondsSince1970) / 1000))
  }

  private func parts(of time: Timestamp) -> (date: String, clock: String) {
    Self.parts(of: time, offsetSeconds: offsetSeconds(at: time))
  }

  /// Date and clock of `time` shifted by a fixed offset. Without a zone lookup, so the demo
  /// generator can write millions of UTC times quickly through `Timestamp.wireText`.
  static func parts(of time: Timestamp, offsetSeconds: Int) -> (date: String, clock: String) {
    // Floor division, so that instants just before 1970 fall on 1969-12-31.
    let milliseconds = time.millisecondsSince1970
    let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    let local = seconds + Int64(offsetSeconds)
    let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    let secondsOfDay = Int(local - Int64(days) * 86_400)
    let civil = Timestamp.civilDate(daysSinceEpoch: days)
    let date = "\(Self.year(civil.year))-\(Self.pad(civil.month))-\(Self.pad(civil.day))"
    let clock =
      "\(Self.pad(secondsOfDay / 3600)):\(Self.pad(secondsOfDay / 60 % 60)):\(Self.pad(secondsOfDay % 60))"
    return (date, clock)
  }

  /// A year in exactly four characters, so that a time column never shifts: zero-padded for
  /// years 0–999 (`0001`), and `####` for the years four digits cannot hold (only a zone shift of
  /// an instant at the very edge of 0000 or 9999 reaches them; JSON output, always UTC, still
  /// writes every stored instant exactly).
  static func year(_ value: Int) -> String {
    guard (0...9999).contains(value) else { return "####" }
    let digits = String(value)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }

  private static func pad(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
