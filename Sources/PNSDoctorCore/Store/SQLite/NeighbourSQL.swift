import GRDB

/// Compiles a pattern rule's `match` condition into SQL over the `calls` table's code columns.
enum NeighbourSQL {
  /// A WHERE clause fragment and its arguments.
  struct Filter: Hashable {
    var sql: String
    var arguments: [Int]

    static let none = Filter(sql: "", arguments: [])
  }

  /// The `calls` column holding a code field of a call, if the row keeps it.
  static func column(for field: CodeField) -> String? {
    StoredCodeField.stored(field)?.column
  }

  /// The SQL for `condition`, or `nil` when it tests something the table does not keep.
  /// A missing code never matches, as in `ConditionEvaluator`, so each test is wrapped in
  /// `COALESCE(…, 0)` to keep `NOT` of a missing code true.
  static func compile(_ condition: Condition, knowledge: KnowledgeBase) -> Filter? {
    switch condition {
    case .all(let parts), .any(let parts):
      let joiner: String
      if case .all = condition { joiner = " AND " } else { joiner = " OR " }
      guard !parts.isEmpty else { return Filter(sql: joiner == " AND " ? "1" : "0", arguments: []) }
      var compiledParts: [Filter] = []
      for part in parts {
        guard let compiledPart = compile(part, knowledge: knowledge) else { return nil }
        compiledParts.append(compiledPart)
      }
      return Filter(
        sql: "(" + compiledParts.map(\.sql).joined(separator: joiner) + ")",
        arguments: compiledParts.flatMap(\.arguments))
    case .not(let inner):
      guard let compiledInner = compile(inner, knowledge: knowledge) else { return nil }
      return Filter(sql: "NOT " + compiledInner.sql, arguments: compiledInner.arguments)
    case .code(let field, let match):
      guard let column = column(for: field) else { return nil }
      switch match {
      case .codes(let codes):
        let sorted = codes.sorted()
        guard !sorted.isEmpty else { return Filter(sql: "0", arguments: []) }
        let marks = Array(repeating: "?", count: sorted.count).joined(separator: ",")
        return Filter(sql: "COALESCE(\(column) IN (\(marks)), 0)", arguments: sorted)
      case .range(let range):
        return Filter(
          sql: "COALESCE(\(column) BETWEEN ? AND ?, 0)", arguments: [range.lowerBound, range.upperBound])
      case .category(let category):
        // A code's category comes from its own entry, else from a range holding it; 0 never matches.
        guard let table = knowledge.table(for: field) else { return Filter(sql: "0", arguments: []) }
        let listed = table.entries.values.filter { $0.code != 0 && $0.category == category }.map(\.code).sorted()
        var tests = listed.isEmpty ? [] : ["\(column) IN (\(listed.map(String.init).joined(separator: ",")))"]
        // A code without its own entry takes the category of the first range holding it
        // (CodeTable.entry(for:)), so each range excludes the codes of the ranges before it.
        let explicit = table.entries.keys.sorted().map(String.init).joined(separator: ",")
        var earlier: [ClosedRange<Int>] = []
        for range in table.ranges {
          defer { earlier.append(range.codes) }
          guard range.entry.category == category else { continue }
          var test = "(\(column) BETWEEN \(range.codes.lowerBound) AND \(range.codes.upperBound) AND \(column) != 0"
          if !explicit.isEmpty { test += " AND \(column) NOT IN (\(explicit))" }
          for before in earlier { test += " AND \(column) NOT BETWEEN \(before.lowerBound) AND \(before.upperBound)" }
          tests.append(test + ")")
        }
        guard !tests.isEmpty else { return Filter(sql: "0", arguments: []) }
        return Filter(sql: "COALESCE(" + tests.joined(separator: " OR ") + ", 0)", arguments: [])
      }
    default:
      return nil
    }
  }
}
