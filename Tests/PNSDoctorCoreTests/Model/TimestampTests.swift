import Foundation
import Testing

@testable import PNSDoctorCore

@Suite("Timestamp parsing and display")
struct TimestampTests {
  private func milliseconds(_ text: String) -> Int64? {
    Timestamp.parse(text)?.millisecondsSince1970
  }

  // MARK: - Timestamp.parse

  @Test("The platform form, yyyy-MM-dd HH:mm:ss, is UTC")
  func platformForm() {
    #expect(milliseconds("2019-01-24 02:30:03") == 1_548_297_003_000)
    #expect(milliseconds("1970-01-01 00:00:00") == 0)
  }

  @Test("Two spaces (older CDRs), or a T, between date and time read the same instant")
  func separators() {
    let expected = milliseconds("2016-12-26 01:19:46")
    #expect(expected != nil)
    #expect(milliseconds("2016-12-26  01:19:46") == expected)
    #expect(milliseconds("2016-12-26T01:19:46") == expected)
  }

  @Test("ISO with milliseconds and Z (SMS timeStamp)")
  func isoWithMillisecondsAndZ() {
    #expect(milliseconds("2018-09-13T09:46:16.023Z") == 1_536_831_976_023)
    #expect(milliseconds("2018-09-13T09:46:16Z") == 1_536_831_976_000)
    // Fewer digits are tenths and hundredths; more than three are cut, not rounded.
    #expect(milliseconds("2018-09-13T09:46:16.5Z") == 1_536_831_976_500)
    #expect(milliseconds("2018-09-13T09:46:16.02Z") == 1_536_831_976_020)
    #expect(milliseconds("2018-09-13T09:46:16.123999Z") == 1_536_831_976_123)
    #expect(milliseconds("2018-09-13 09:46:16,250") == 1_536_831_976_250)
  }

  @Test("An offset is applied: +08:00 is eight hours ahead of UTC")
  func offsets() {
    let utc = milliseconds("2019-01-24 02:30:03")
    #expect(milliseconds("2019-01-24T10:30:03+08:00") == utc)
    #expect(milliseconds("2019-01-24 10:30:03+0800") == utc)
    #expect(milliseconds("2019-01-23T21:30:03-05:00") == utc)
    #expect(milliseconds("2019-01-24T10:30:03.000+08:00") == utc)
    // Across midnight and a month end.
    #expect(milliseconds("2019-02-01T07:00:00+08:00") == milliseconds("2019-01-31 23:00:00"))
  }

  @Test(
    "Impossible dates and times, partial and foreign forms, and empty text are not times",
    arguments: [
      "2019-02-30 00:00:00", "2019-02-29 00:00:00", "1900-02-29 00:00:00", "2019-04-31 00:00:00",
      "2019-13-01 00:00:00", "2019-00-10 00:00:00", "2019-01-00 00:00:00", "2019-01-24 24:00:00",
      "2019-01-24 02:60:00", "2019-01-24 02:30:61", "", " ", "2019-01-24", "2019-01-24 02:30",
      "2019-01-24 02:30:03 ", "2019/01/24 02:30:03", "24-01-2019 02:30:03", "2019-1-24 02:30:03",
      "2019-01-24 02:30:03+15:00", "2019-01-24 02:30:03.Z", "2019-01-24 02:30:03 UTC", "1548297003",
      "yesterday",
    ]
  )
  func invalid(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  @Test("Leap days exist in leap years only, including 2000")
  func leapDays() {
    #expect(milliseconds("2020-02-29 00:00:00") == 1_582_934_400_000)
    #expect(milliseconds("2000-02-29 12:00:00") == 951_825_600_000)
    #expect(milliseconds("2020-12-31 23:59:59") != nil)
  }

  @Test("Order, differences and the UTC wire form")
  func arithmeticAndDescription() throws {
    let answer = try #require(Timestamp.parse("2019-01-24 02:30:06"))
    let end = try #require(Timestamp.parse("2019-01-24 02:30:22"))
    #expect(answer < end)
    #expect(answer.seconds(until: end) == 16)
    #expect(end.seconds(until: answer) == -16)
    #expect(end.description == "2019-01-24 02:30:22")
    let withMilliseconds = try #require(Timestamp.parse("2018-09-13T17:46:16.023+08:00"))
    #expect(withMilliseconds.description == "2018-09-13 09:46:16")
  }

  @Test("Civil dates and day counts are inverses over centuries")
  func civilDateRoundTrip() {
    for days in stride(from: -80_000, through: 80_000, by: 97) {
      let date = Timestamp.civilDate(daysSinceEpoch: days)
      #expect(Timestamp.daysSinceEpoch(year: date.year, month: date.month, day: date.day) == days)
    }
  }

  // MARK: - TimeDisplay

  private func beijing() throws -> TimeDisplay {
    TimeDisplay(zone: try #require(TimeZone(secondsFromGMT: 8 * 3600)))
  }

  @Test("UTC+8 shows platform times eight hours later, across midnight and year end")
  func beijingFormat() throws {
    let display = try beijing()
    let disconnect = try #require(Timestamp.parse("2019-01-24 07:03:28"))
    #expect(display.format(disconnect) == "2019-01-24 15:03:28")
    let lateEvening = try #require(Timestamp.parse("2019-01-24 23:30:03"))
    #expect(display.format(lateEvening) == "2019-01-25 07:30:03")
    #expect(display.formatShort(lateEvening) == "01-25 07:30:03")
    let newYear = try #require(Timestamp.parse("2023-12-31 16:00:00"))
    #expect(display.format(newYear) == "2024-01-01 00:00:00")
    #expect(display.offsetLabel(at: newYear) == "UTC+08:00")
    #expect(TimeDisplay.utc.format(newYear) == "2023-12-31 16:00:00")
    #expect(TimeDisplay.utc.offsetLabel(at: newYear) == "UTC+00:00")
  }

  @Test("Asia/Shanghai and the typed forms of UTC+8 show the same")
  func zoneNames() throws {
    let time = try #require(Timestamp.parse("2022-05-13 05:24:57"))
    for name in ["+8", "+08:00", "UTC+8", "GMT+08:00", "beijing", "Asia/Shanghai"] {
      let zone = try #require(TimeDisplay.zone(named: name), "\(name)")
      #expect(TimeDisplay(zone: zone).format(time) == "2022-05-13 13:24:57", "\(name)")
    }
    let west = try #require(TimeDisplay.zone(named: "-05:30"))
    #expect(TimeDisplay(zone: west).offsetLabel(at: time) == "UTC-05:30")
    #expect(TimeDisplay.zone(named: "UTC")?.secondsFromGMT() == 0)
    #expect(TimeDisplay.zone(named: "+15") == nil)
    #expect(TimeDisplay.zone(named: "+08:75") == nil)
    #expect(TimeDisplay.zone(named: "Mars/Olympus") == nil)
  }

  @Test("Times typed in UTC+8 are read in that zone, unless they carry their own offset")
  func parseUserTimeInBeijing() throws {
    let display = try beijing()
    let now = try #require(Timestamp.parse("2024-05-13 12:00:00"))
    let typed = display.parseUserTime("2024-05-13 08:00", now: now)
    #expect(typed == Timestamp.parse("2024-05-13 00:00:00"))
    #expect(display.parseUserTime("2024-05-13", now: now) == Timestamp.parse("2024-05-12 16:00:00"))
    #expect(display.parseUserTime("2024-05-13T08:00:00Z", now: now) == Timestamp.parse("2024-05-13 08:00:00"))
    #expect(display.parseUserTime("2h", now: now) == Timestamp.parse("2024-05-13 10:00:00"))
    #expect(display.parseUserTime("7d", now: now) == Timestamp.parse("2024-05-06 12:00:00"))
    #expect(display.parseUserTime("2024-02-30", now: now) == nil)
  }

  @Test(
    "A time less than a second before 1970 is shown in 1969"
  )
  func beforeEpoch() throws {
    let time = try #require(Timestamp.parse("1969-12-31 23:59:59.500"))
    #expect(time.millisecondsSince1970 == -500)
    #expect(TimeDisplay.utc.format(time) == "1969-12-31 23:59:59")
    let earlier = try #require(Timestamp.parse("1969-12-31 23:59:59"))
    #expect(TimeDisplay.utc.format(earlier) == "1969-12-31 23:59:59")
  }

  @Test func anOverflowingSpanIsNoTime() {
    let now = Timestamp(millisecondsSince1970: 1_700_000_000_000)
    #expect(TimeDisplay.utc.parseUserTime("9999999999999999w", now: now) == nil)
    #expect(TimeDisplay.utc.parseUserTime("2h", now: now) == Timestamp(millisecondsSince1970: 1_699_992_800_000))
  }
}
