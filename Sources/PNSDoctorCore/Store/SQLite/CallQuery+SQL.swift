import Foundation
import GRDB

/// The SQL of a `CallQuery` on SQLite: the list, its count, and the plan a search takes.
extension CallQuery {
  /// The SQL and its arguments.
  func sql() -> (String, StatementArguments) {
    let (conditions, arguments) = whereClause()
    var sql = "SELECT * FROM calls"
    if !conditions.isEmpty { sql += " WHERE " + conditions }
    sql += " ORDER BY \(order.sql) LIMIT ? OFFSET ?"
    return (sql, StatementArguments(arguments + [limit, offset]))
  }

  /// The SQL that gives the ids of every matching call, in the list's order (for a selective
  /// search: the page and the total then come from one pass over its matches).
  func orderedIdsSQL() -> (String, StatementArguments) {
    let (conditions, arguments) = whereClause()
    var sql = "SELECT id FROM calls"
    if !conditions.isEmpty { sql += " WHERE " + conditions }
    return (sql + " ORDER BY \(order.sql)", StatementArguments(arguments))
  }

  /// The SQL that counts the matching calls.
  func countSQL() -> (String, StatementArguments) {
    let (sql, arguments) = matchSQL()
    return ("SELECT COUNT(*) FROM (\(sql))", arguments)
  }

  /// The SQL that gives one row per matching call, in no order: what counting reads.
  func matchSQL() -> (String, StatementArguments) {
    let (conditions, arguments) = whereClause()
    return ("SELECT 1 FROM calls" + (conditions.isEmpty ? "" : " WHERE " + conditions), StatementArguments(arguments))
  }

  /// This query with its plan chosen: whether the search's matches are few enough to drive it
  /// (a 6-digit number: tens of calls) or so many that walking the list in order and checking
  /// each call is quicker (three common digits: a large share of the store).
  func planned(in db: Database) throws -> CallQuery {
    guard let (branches, values) = searchBranches() else { return self }
    var planned = self
    let matches = try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM (\(branches)) LIMIT ?)",
      arguments: StatementArguments(values + [Self.selectiveSearchLimit + 1])) ?? 0
    planned.searchIsSelective = matches <= Self.selectiveSearchLimit
    return planned
  }

  /// What the search looks for, worked out once for both ways of asking.
  private struct SearchTerms {
    /// A whole session id (found through its hash).
    var sessionId: String?
    /// Three or more digits of a number.
    var digits: String?
    var code: Int?
    var codes: [Int]
    var rules: [String]
  }

  private func searchTerms() -> SearchTerms? {
    guard let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty else { return nil }
    // Any text may be a whole session id: it is looked up by its hash, which costs one index
    // probe (the store keeps no text index of ids, so a part of one is not looked up).
    var terms = SearchTerms(
      sessionId: search, digits: nil, code: nil, codes: searchCodes.sorted(),
      rules: searchRules.sorted())
    let digits = search.filter(\.isNumber)
    if !digits.isEmpty && digits.count == search.filter({ !" -+".contains($0) }).count {
      // Numbers match from three digits on (fewer would match nearly every call).
      if digits.count >= 3 { terms.digits = digits }
      // 0 means "no cause" in every code field: it would match nearly every call.
      if let code = Int(digits), code != 0, digits.count <= 7 { terms.code = code }
    }
    return terms
  }

  /// The union of the queries that find the search's matches (as call ids), each answered by
  /// an index: a session id by its beginning through the session index, digits of a number
  /// through the table of distinct numbers, a code through its column's index, a cause through the cause
  /// index. For a search that matches few calls.
  private func searchBranches() -> (String, [any DatabaseValueConvertible])? {
    guard let terms = searchTerms() else { return nil }
    var branches: [String] = []
    var values: [any DatabaseValueConvertible] = []
    if let prefix = terms.sessionId {
      branches.append("SELECT id FROM calls WHERE session_hash = ?")
      values.append(WorkingCall.hash(sessionId: prefix))
    }
    var numbers = ""
    if let digits = terms.digits {
      // The distinct numbers are few next to the calls: those containing the digits are found
      // by one scan of them, then their calls through each number column's index.
      numbers = "WITH hits(digits) AS MATERIALIZED (SELECT digits FROM number WHERE instr(digits, ?) > 0) "
      values.insert(digits, at: 0)
      for column in ["caller", "callee", "privacy_number"] {
        branches.append("SELECT id FROM calls WHERE \(column) IN hits")
      }
    }
    if let code = terms.code {
      for column in CodeFilter.Field.any.columns {
        branches.append("SELECT id FROM calls WHERE \(column) = ?")
        values.append(code)
      }
    }
    if !terms.codes.isEmpty {
      let list = terms.codes.map(String.init).joined(separator: ",")
      branches += CodeFilter.Field.any.columns.map { "SELECT id FROM calls WHERE \($0) IN (\(list))" }
    }
    if !terms.rules.isEmpty {
      branches.append(
        "SELECT id FROM calls WHERE cause_rule IN ("
          + terms.rules.map { _ in "?" }.joined(separator: ",") + ")")
      values += terms.rules
    }
    // A search with nothing to look for matches nothing.
    return (branches.isEmpty ? "SELECT NULL WHERE 0" : numbers + branches.joined(separator: " UNION ALL "), values)
  }

  /// The same matches as `searchBranches`, as a test of each row: for a search that matches so
  /// many calls that walking the list in order finds a page of them at once.
  private func searchRowTest() -> (String, [any DatabaseValueConvertible])? {
    guard let terms = searchTerms() else { return nil }
    var tests: [String] = []
    var values: [any DatabaseValueConvertible] = []
    if let prefix = terms.sessionId {
      tests.append("session_hash = ?")
      values.append(WorkingCall.hash(sessionId: prefix))
    }
    if let digits = terms.digits {
      tests += ["instr(caller, ?) > 0", "instr(callee, ?) > 0", "instr(privacy_number, ?) > 0"]
      values += [digits, digits, digits]
    }
    if let code = terms.code {
      tests += CodeFilter.Field.any.columns.map { "\($0) = ?" }
      values += CodeFilter.Field.any.columns.map { _ in code }
    }
    if !terms.codes.isEmpty {
      let list = terms.codes.map(String.init).joined(separator: ",")
      tests += CodeFilter.Field.any.columns.map { "\($0) IN (\(list))" }
    }
    if !terms.rules.isEmpty {
      tests.append("cause_rule IN (" + terms.rules.map { _ in "?" }.joined(separator: ",") + ")")
      values += terms.rules
    }
    return ("COALESCE(" + (tests.isEmpty ? "0" : tests.joined(separator: " OR ")) + ", 0)", values)
  }

  private func whereClause() -> (String, [any DatabaseValueConvertible]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    // When the search matches few calls, a unary + keeps SQLite from driving the query by
    // these columns' indexes: it starts from the search's matches instead.
    let plus = searchIsSelective ? "+" : ""
    if failedOnly { conditions.append("\(plus)failed = 1") }
    if let since {
      conditions.append("\(plus)start_ms >= ?")
      arguments.append(since.millisecondsSince1970)
    }
    if let until {
      conditions.append("\(plus)start_ms < ?")
      arguments.append(until.millisecondsSince1970)
    }
    if let number {
      if let whole = Self.wholeNumber(number) {
        conditions.append("(caller = ? OR callee = ? OR privacy_number = ?)")
        arguments += [whole, whole, whole]
      } else {
        // A fragment: the distinct numbers containing it (one scan of a small table), then
        // their calls through each number column's index.
        let matching = "(SELECT digits FROM number WHERE instr(digits, ?) > 0)"
        conditions.append("(caller IN \(matching) OR callee IN \(matching) OR privacy_number IN \(matching))")
        let digits = number.filter(\.isNumber)
        arguments += [digits, digits, digits]
      }
    }
    if let code {
      let columns = code.field.columns
      conditions.append("(" + columns.map { "\($0) = ?" }.joined(separator: " OR ") + ")")
      arguments += columns.map { _ in code.code }
    }
    if let mode {
      let modes = CallMode.allCases.filter { $0.mayBe(mode) }.map(\.rawValue)
      conditions.append("\(plus)mode IN (" + modes.map { _ in "?" }.joined(separator: ",") + ")")
      arguments += modes
    }
    if !causes.isEmpty {
      conditions.append("cause_rule IN (" + causes.map { _ in "?" }.joined(separator: ",") + ")")
      arguments += causes.sorted()
    }
    if searchIsSelective, let (branches, values) = searchBranches() {
      conditions.append("id IN (" + branches + ")")
      arguments += values
    } else if let (test, values) = searchRowTest() {
      conditions.append(test)
      arguments += values
    }
    return (conditions.joined(separator: " AND "), arguments)
  }
}

extension CallQuery.Order {
  /// The ORDER BY of this order.
  var sql: String {
    switch self {
    case .newest: return "start_ms DESC, id DESC"
    case .oldest: return "start_ms ASC, id ASC"
    case .longestRing: return "ring_ms DESC, start_ms DESC"
    case .mode: return "mode ASC, start_ms DESC"
    }
  }
}

extension CallQuery.CodeFilter.Field {
  /// The `calls` columns this field looks in.
  var columns: [String] {
    switch self {
    case .any: return StoredCodeField.all.map(\.column)
    case .state: return [StoredCodeField.stored(.stateCode)].compactMap { $0?.column }
    case .release: return [StoredCodeField.stored(.ulFailReason)].compactMap { $0?.column }
    case .q850: return [StoredCodeField.stored(.fwdUnaswRsn), StoredCodeField.stored(.callOutUnaswRsn)].compactMap { $0?.column }
    case .sip: return [StoredCodeField.stored(.sipStatusCode)].compactMap { $0?.column }
    }
  }
}
