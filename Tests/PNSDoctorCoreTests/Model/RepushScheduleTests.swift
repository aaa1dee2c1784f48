import Testing

@testable import PNSDoctorCore

/// The platform's re-push schedule as the documentation gives it: +1, +4, +9, +106, +203 and
/// +300 minutes after the first failed push of an event or CDR, then no more.
@Suite("Re-push schedule")
struct RepushScheduleTests {
  static let first = Timestamp(millisecondsSince1970: 1_715_577_897_000)

  private func at(minutes: Int64) -> Timestamp {
    Timestamp(millisecondsSince1970: Self.first.millisecondsSince1970 + minutes * 60_000)
  }

  @Test func eventsAndCDRsAreRetriedSixTimesThenGivenUp() {
    let expected: [Int64] = [1, 4, 9, 106, 203, 300]
    for kind in [RepushSchedule.Kind.callEvent, .detailRecord] {
      for (index, minutes) in expected.enumerated() {
        #expect(
          RepushSchedule.next(kind, firstAttempt: Self.first, failedAttempts: index + 1)
            == .retry(number: index + 1, at: at(minutes: minutes)))
      }
      #expect(RepushSchedule.next(kind, firstAttempt: Self.first, failedAttempts: 7) == .givenUp)
      #expect(RepushSchedule.next(kind, firstAttempt: Self.first, failedAttempts: 50) == .givenUp)
    }
    // The last try comes five hours after the first failure.
    #expect(TimeDisplay.utc.format(at(minutes: 300)) == "2024-05-13 10:24:57")
  }

  @Test func smsHasNoFixedScheduleAndABlockModeCallinIsNotRetried() {
    #expect(
      RepushSchedule.next(.smsNotification, firstAttempt: Self.first, failedAttempts: 2)
        == .retryAtConfiguredInterval(number: 2))
    #expect(RepushSchedule.next(.smsNotification, firstAttempt: Self.first, failedAttempts: 7) == .givenUp)
    #expect(RepushSchedule.next(.blockModeCallin, firstAttempt: Self.first, failedAttempts: 1) == .givenUp)
  }
}
