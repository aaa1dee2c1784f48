/// When the platform tries a push again after it was not answered 200, and when it gives up
/// (platform facts §6): what a receiver's delivery findings tell the engineer ("the next try
/// comes at …", "this CDR will not come through the push channel any more").
///
/// Call events and CDRs are re-pushed at most 6 times, "1, 4, 9, 106, 203 and 300 minutes
/// after" (verified text); reading those as offsets from the first failed attempt, not from the
/// previous retry, is inferred, as the text does not say. SMS notifications are re-sent up to 6
/// times at an interval the platform's administrator sets (no schedule to compute). A Block-mode
/// `callin` wants its answer at once and is not re-pushed (inferred).
public enum RepushSchedule {
  /// What a push is, as far as re-pushing goes.
  public enum Kind: Sendable, Equatable {
    case callEvent
    case detailRecord
    case smsNotification
    /// A `callin` event in Block mode (X mode's real-time control): never re-pushed.
    case blockModeCallin
  }

  /// What comes after a push's latest failed attempt.
  public enum Next: Sendable, Equatable {
    /// Retry `number` (1–6) is due at `time`.
    case retry(number: Int, at: Timestamp)
    /// Retry `number` comes, at an interval the platform's administrator sets.
    case retryAtConfiguredInterval(number: Int)
    /// No more tries: the message will not arrive by push; the console's call records (业务详单)
    /// keep it 31 days.
    case givenUp
  }

  /// Minutes after the first failed attempt at which the platform re-pushes a call event or a
  /// CDR.
  public static let retryMinutes = [1, 4, 9, 106, 203, 300]

  /// What comes next for a push of `kind` first attempted at `firstAttempt` that has now failed
  /// `failedAttempts` times (the first attempt counts as one).
  public static func next(_ kind: Kind, firstAttempt: Timestamp, failedAttempts: Int) -> Next {
    let number = max(1, failedAttempts)
    guard number <= retryMinutes.count else { return .givenUp }
    switch kind {
    case .blockModeCallin:
      return .givenUp
    case .smsNotification:
      return .retryAtConfiguredInterval(number: number)
    case .callEvent, .detailRecord:
      let offset = Int64(retryMinutes[number - 1]) * 60_000
      return .retry(number: number, at: Timestamp(millisecondsSince1970: firstAttempt.millisecondsSince1970 + offset))
    }
  }
}
