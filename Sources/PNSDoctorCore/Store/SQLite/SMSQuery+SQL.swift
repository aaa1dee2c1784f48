import GRDB

extension SMSQuery {
  /// The WHERE clause (with its leading keyword) and its arguments.
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
