/// Failed calls grouped by their stored top cause, and failures per hour: what the Stats screen
/// draws.
public struct FailureStatistics: Sendable, Equatable {
  /// The most frequent top causes (rule ids; `nil` for failed calls no rule explains), most
  /// frequent first.
  public var byCause: [(ruleId: String?, count: Int)]
  /// Calls per hour over the last two days of data, oldest first.
  public var hourly: [(hourStart: Timestamp, failed: Int, total: Int)]
  /// Calls whose CDR the platform pushed more than once: the receiver did not answer 200 in
  /// time. A delivery problem, kept apart from the causes of failed calls.
  public var rePushedCalls = 0

  public static func == (lhs: FailureStatistics, rhs: FailureStatistics) -> Bool {
    lhs.rePushedCalls == rhs.rePushedCalls && lhs.byCause.elementsEqual(rhs.byCause) { $0 == $1 }
      && lhs.hourly.elementsEqual(rhs.hourly) {
        $0.hourStart == $1.hourStart && $0.failed == $1.failed && $0.total == $1.total
      }
  }
}
