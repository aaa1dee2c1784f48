import Foundation

/// An instant, in UTC, to the millisecond.
///
/// The platform writes times as UTC strings (`2019-01-24 02:30:03`, sometimes with two spaces,
/// and ISO `2018-09-13T09:46:16.023Z` in SMS). pnsdoctor keeps them as UTC inside and converts
/// only for display (see `TimeDisplay`).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01 00:00:00 UTC.
  public var millisecondsSince1970: Int64

  public init(millisecondsSince1970: Int64) {
    self.millisecondsSince1970 = millisecondsSince1970
  }

  /// This machine's clock, now.
  public static var now: Timestamp { Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)) }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSince1970 < rhs.millisecondsSince1970
  }

  /// Seconds from `self` to `later` (negative when `later` is earlier).
  public func seconds(until later: Timestamp) -> Double {
    Double(later.millisecondsSince1970 - millisecondsSince1970) / 1000
  }

  /// The UTC wire form, `yyyy-MM-dd HH:mm:ss`.
  public var description: String { wireText }

  /// The UTC wire form, `yyyy-MM-dd HH:mm:ss`, as the platform writes times.
  public var wireText: String {
    let (date, clock) = TimeDisplay.parts(of: self, offsetSeconds: 0)
    return date + " " + clock
  }

  /// Reads a platform time: `yyyy-MM-dd HH:mm:ss` (any run of spaces, or `T`, between date and
  /// time), optional fractional seconds, and an optional `Z` or `±HH:MM` offset. Without an
  /// offset the time is UTC, as the platform documents.
  /// - Returns: `nil` when the text is not such a time or names an impossible date.
  public static func parse(_ text: String) -> Timestamp? {
    var digits = DigitReader(text)
    guard let year = digits.number(count: 4), digits.skip("-"),
      let month = digits.number(count: 2), digits.skip("-"),
      let day = digits.number(count: 2)
    else { return nil }
    guard digits.skipSeparator(), let hour = digits.number(count: 2), digits.skip(":"),
      let minute = digits.number(count: 2), digits.skip(":"),
      let second = digits.number(count: 2)
    else { return nil }
    var milliseconds = 0
    if digits.skip(".") || digits.skip(",") {
      guard let fraction = digits.fraction() else { return nil }
      milliseconds = fraction
    }
    guard let offsetSeconds = digits.zoneOffset(), digits.isAtEnd else { return nil }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    let days = Int64(daysSinceEpoch(year: year, month: month, day: day))
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
    return Timestamp(millisecondsSince1970: seconds * 1000 + Int64(milliseconds))
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day count from 1970-01-01 (inverse of `daysSinceEpoch`).
  static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

/// A cursor over the ASCII digits of a time string.
private struct DigitReader {
  private let bytes: [UInt8]
  private var index = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  var isAtEnd: Bool { index == bytes.count }

  mutating func number(count: Int) -> Int? {
    guard index + count <= bytes.count else { return nil }
    var value = 0
    for offset in 0..<count {
      let digit = bytes[index + offset] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    index += count
    return value
  }

  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
    index += 1
    return true
  }

  /// One `T` or a run of spaces between date and time.
  mutating func skipSeparator() -> Bool {
    if skip("T") { return true }
    let start = index
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    return index > start
  }

  /// Fractional seconds, as milliseconds (extra digits are truncated).
  mutating func fraction() -> Int? {
    var value = 0
    var count = 0
    while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
      if count < 3 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
      count += 1
      index += 1
    }
    guard count > 0 else { return nil }
    for _ in count..<max(count, 3) { value *= 10 }
    return value
  }

  /// `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC); seconds east of UTC.
  mutating func zoneOffset() -> Int? {
    if isAtEnd || skip("Z") { return 0 }
    let sign: Int
    if skip("+") {
      sign = 1
    } else if skip("-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(count: 2) else { return nil }
    _ = skip(":")
    guard let minutes = number(count: 2), hours <= 14, minutes < 60 else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }
}
