import GRDB

/// One row of the SMS list.
public struct SMSSummary: Sendable, Equatable {
  /// The store's row id, to open the notification.
  public var id: Int64
  public var smsIdentifier: String
  public var mode: SMSNotificationMode?
  public var calling: String?
  public var called: String?
  public var virtualNumber: String?
  public var time: Timestamp?
  public var sendResult: Int?
  public var deliveries: Int

  init(row: Row) {
    id = row["id"]
    smsIdentifier = row["sms_identifier"]
    mode = (row["mode"] as String?).map(SMSNotificationMode.init(wireName:))
    calling = row["calling"]
    called = row["called"]
    virtualNumber = row["virtual_number"]
    time = (row["time_ms"] as Int64?).map(Timestamp.init(millisecondsSince1970:))
    sendResult = row["send_result"]
    deliveries = row["deliveries"]
  }
}

/// What SMS notifications to list.
public struct SMSQuery: Sendable, Equatable {
  /// Only notifications whose result is not 0 (success).
  public var failedOnly = false
  /// Part of a number or of the SMS identifier, or a send result.
  public var search: String?
  public var limit = 50
  public var offset = 0

  public init() {}

  func whereClause() -> (String, [any DatabaseValueConvertible]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if failedOnly { conditions.append("send_result IS NOT NULL AND send_result != 0") }
    if let search, !search.isEmpty {
      let pattern = LikePattern.containing(search)
      var parts = ["sms_identifier", "calling", "called", "virtual_number"].map { "\($0) LIKE ? ESCAPE '\\'" }
      arguments += [pattern, pattern, pattern, pattern]
      if let code = Int(search) {
        parts.append("send_result = ?")
        arguments.append(code)
      }
      conditions.append("(" + parts.joined(separator: " OR ") + ")")
    }
    return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
  }
}

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
