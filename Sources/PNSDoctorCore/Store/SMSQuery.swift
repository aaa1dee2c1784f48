import GRDB

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
