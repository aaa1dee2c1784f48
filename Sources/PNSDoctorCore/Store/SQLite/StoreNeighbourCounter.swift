import Foundation
import GRDB

/// Counts a call's neighbours in the store's `calls` table, in SQL.
///
/// The pattern's keys (time window, same caller, same privacy number, callee number block) and
/// its `match` condition, when that is made of code tests on the codes the `calls` table keeps,
/// become one `COUNT(*)`; no neighbouring call is read back from its messages. A `match` that SQL
/// cannot express is checked in Swift on the calls the keys select. Either way the answer is
/// the one `NeighbourList` gives for the same calls.
final class StoreNeighbourCounter: NeighbourCounting {
  private let db: Database
  private let codec: BundleCodec
  /// The first error met; counting cannot throw through the engine, so the caller checks this.
  private(set) var error: (any Error)?
  /// Whether any rule asked about neighbours: such a diagnosis can change as calls arrive.
  private(set) var consulted = false

  /// Whether counting is left for later (see `StoreDiagnoser`); `deferred` tells it was asked.
  private let deferring: Bool
  private(set) var deferred = false

  init(db: Database, codec: BundleCodec, deferring: Bool = false) {
    self.db = db
    self.codec = codec
    self.deferring = deferring
  }

  /// Forgets whether it was consulted, before the next call is diagnosed.
  func reset() {
    consulted = false
    deferred = false
  }

  func count(_ pattern: NeighbourPattern, around call: Call, knowledge: KnowledgeBase) -> Int {
    consulted = true
    if deferring {
      deferred = true
      return 0
    }
    guard error == nil, let start = call.startTime?.millisecondsSince1970 else { return 0 }
    var sql = "FROM calls WHERE start_ms BETWEEN ? AND ? AND session_hash != ?"
    let window = Int64(pattern.window * 1000)
    var arguments: [(any DatabaseValueConvertible)?] = [start - window, start + window, WorkingCall.hash(sessionId: call.sessionId)]
    if pattern.sameCaller {
      guard let caller = call.caller else { return 0 }
      sql += " AND caller = ?"
      arguments.append(caller)
    }
    if pattern.samePrivacyNumber {
      guard let number = call.privacyNumber else { return 0 }
      sql += " AND privacy_number = ?"
      arguments.append(number)
    }
    if let length = pattern.calleePrefixLength {
      guard let callee = call.callee, callee.count >= length else { return 0 }
      // The length is written into the SQL, not bound, so that the index on
      // substr(callee, 1, 7) can serve it.
      sql += " AND substr(callee, 1, \(length)) = ?"
      arguments.append(String(callee.prefix(length)))
    }
    // Compiling is cheap next to the query; the statement itself is cached by its text.
    let filter = pattern.match.map { NeighbourSQL.compile($0, knowledge: knowledge) } ?? NeighbourSQL.Filter.none
    do {
      if let filter {
        if !filter.sql.isEmpty { sql += " AND " + filter.sql }
        let statement = try db.cachedStatement(sql: "SELECT COUNT(*) " + sql)
        return try Int.fetchOne(statement, arguments: StatementArguments(arguments + filter.arguments)) ?? 0
      }
      // The match needs more than the calls table: check it on each selected call.
      let rows = try Int64.fetchAll(
        db.cachedStatement(sql: "SELECT id " + sql), arguments: StatementArguments(arguments))
      return try rows.filter { rowId in
        guard let other = try CallReader.storedCall(rowId: rowId, in: db, codec: codec)?.call else { return false }
        return NeighbourList.fits(other, pattern, around: call, knowledge: knowledge)
      }.count
    } catch {
      self.error = error
      return 0
    }
  }
}
