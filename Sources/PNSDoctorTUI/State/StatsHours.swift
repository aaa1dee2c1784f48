public import PNSDoctorCore

/// The hours the Stats chart shows: from the first hour with data, as many as fit at two
/// columns each, ending with the latest. Shared by the chart and by Enter on an hour, so that
/// the hour opened is the hour drawn.
public enum StatsHours {
  public static func shown(_ statistics: FailureStatistics, width: Int) -> [(hourStart: Timestamp, failed: Int, total: Int)] {
    Array(statistics.hourly.drop { $0.total == 0 }.suffix(max(1, width / 2)))
  }
}
