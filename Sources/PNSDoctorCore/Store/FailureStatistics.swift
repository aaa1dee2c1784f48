/// Failed calls grouped by their main code, and failures per hour: what the Stats screen draws.
public struct FailureStatistics: Sendable, Equatable {
  /// The most frequent main failure codes, most frequent first.
  public var byCode: [(field: CodeField, code: Int, count: Int)]
  /// Calls per hour over the last two days of data, oldest first.
  public var hourly: [(hourStart: Timestamp, failed: Int, total: Int)]

  public static func == (lhs: FailureStatistics, rhs: FailureStatistics) -> Bool {
    lhs.byCode.elementsEqual(rhs.byCode) { $0 == $1 }
      && lhs.hourly.elementsEqual(rhs.hourly) {
        $0.hourStart == $1.hourStart && $0.failed == $1.failed && $0.total == $1.total
      }
  }
}
