import Foundation
import GRDB

extension CallStore {
  /// What the live receiver took from `sinceMs` on (all of it when nil).
  /// - Throws: `StoreError` when the store cannot be read.
  public func receiverReport(sinceMs: Int64? = nil) throws(StoreError) -> ReceiverReport {
    do {
      return try writer.read { db in try Self.receiverReport(sinceMs: sinceMs ?? Int64.min, in: db) }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The receiver's state at `nowMs`: pushes in the last minute, the newest push, and the
  /// last hour's failures (see `ReceiverPulse`). Three lookups in the time index.
  public func receiverPulse(nowMs: Int64) throws(StoreError) -> ReceiverPulse {
    do {
      return try writer.read { db in
        let lastMinute = try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM push WHERE received_ms > ?", arguments: [nowMs - 60_000]) ?? 0
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(received_ms) FROM push")
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT COALESCE(SUM(upstream_us IS NOT NULL AND (upstream_status IS NULL OR upstream_status != 200)), 0) AS upstream,
              COALESCE(SUM(\(Self.failureCondition)), 0) AS failures
            FROM push WHERE received_ms > ?
            """, arguments: [nowMs - 3_600_000])
        return ReceiverPulse(
          pushesLastMinute: lastMinute, lastPushMs: last, upstreamFailuresLastHour: row?["upstream"] ?? 0,
          failuresLastHour: row?["failures"] ?? 0)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// A push that went wrong: not stored whole, answered other than 200, a failed signature,
  /// or an upstream that did not answer 200.
  static let failureCondition = """
    (disposition != \(PushDisposition.stored.rawValue) OR answered_status != 200
      OR signature NOT IN (\(PushSignatureCheck.verified.rawValue), \(PushSignatureCheck.notChecked.rawValue))
      OR (upstream_us IS NOT NULL AND (upstream_status IS NULL OR upstream_status != 200)))
    """

  /// The pushes that carried messages of the call with `sessionId`, oldest first.
  public func pushes(sessionId: String) throws(StoreError) -> [ReceiverReport.Push] {
    do {
      return try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT push.* FROM push_session JOIN push ON push.id = push_id
            WHERE session_hash = ? ORDER BY push.id
            """, arguments: [WorkingCall.hash(sessionId: sessionId)]
        ).map(Self.push(from:))
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  private static func receiverReport(sinceMs: Int64, in db: Database) throws -> ReceiverReport {
    var report = ReceiverReport()
    let span = "FROM push WHERE received_ms >= ?"
    let arguments: StatementArguments = [sinceMs]
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT COUNT(*) AS pushes, COALESCE(SUM(records), 0) AS records, COALESCE(SUM(new_records), 0) AS fresh,
          MIN(received_ms) AS first, MAX(received_ms) AS last, COUNT(upstream_us) AS forwarded,
          COALESCE(SUM(upstream_us IS NOT NULL AND (upstream_status IS NULL OR upstream_status != 200)), 0) AS failed
        \(span)
        """, arguments: arguments)
    {
      report.pushes = row["pushes"]
      report.records = row["records"]
      report.newRecords = row["fresh"]
      report.firstPushMs = row["first"]
      report.lastPushMs = row["last"]
      report.forwarded = row["forwarded"]
      report.upstreamFailures = row["failed"]
    }
    for row in try Row.fetchAll(db, sql: "SELECT disposition, COUNT(*) AS n \(span) GROUP BY 1", arguments: arguments) {
      let name = PushDisposition(rawValue: row["disposition"])?.name ?? "unknown"
      report.byDisposition[name, default: 0] += row["n"]
    }
    for row in try Row.fetchAll(db, sql: "SELECT signature, COUNT(*) AS n \(span) GROUP BY 1", arguments: arguments) {
      let name = PushSignatureCheck(rawValue: row["signature"])?.name ?? "unknown"
      report.bySignature[name, default: 0] += row["n"]
    }
    for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n \(span) GROUP BY 1", arguments: arguments) {
      report.byKind[kindName(row["kind"]), default: 0] += row["n"]
    }
    for row in try Row.fetchAll(
      db, sql: "SELECT answered_status, COUNT(*) AS n \(span) GROUP BY 1", arguments: arguments)
    {
      report.byAnsweredStatus[String(row["answered_status"] as Int), default: 0] += row["n"]
    }
    if report.forwarded > 0 {
      report.upstreamP50Ms = try upstreamPercentile(0.50, of: report.forwarded, sinceMs: sinceMs, in: db)
      report.upstreamP99Ms = try upstreamPercentile(0.99, of: report.forwarded, sinceMs: sinceMs, in: db)
    }
    report.minutes = try Row.fetchAll(
      db,
      sql: """
        SELECT received_ms / 60000 * 60000 AS minute, COUNT(*) AS n \(span)
        GROUP BY 1 ORDER BY 1 DESC LIMIT \(ReceiverReport.minuteLimit)
        """, arguments: arguments
    ).map { ReceiverReport.Minute(startMs: $0["minute"], pushes: $0["n"]) }.reversed()
    report.failures = try Row.fetchAll(
      db,
      sql: """
        SELECT * \(span) AND \(failureCondition)
        ORDER BY id DESC LIMIT \(ReceiverReport.failureLimit)
        """, arguments: arguments
    ).map(push(from:))
    return report
  }

  /// The upstream latency at `fraction` of the `count` forwarded pushes (nearest rank), in ms.
  private static func upstreamPercentile(
    _ fraction: Double, of count: Int, sinceMs: Int64, in db: Database
  ) throws -> Double? {
    let rank = max(0, Int((fraction * Double(count)).rounded(.up)) - 1)
    let micros = try Int64.fetchOne(
      db,
      sql: """
        SELECT upstream_us FROM push WHERE received_ms >= ? AND upstream_us IS NOT NULL
        ORDER BY upstream_us LIMIT 1 OFFSET ?
        """, arguments: [sinceMs, rank])
    return micros.map { Double($0) / 1000 }
  }

  /// The name of a stored `kind` (see `PushSchema.kindValue`).
  private static func kindName(_ value: Int?) -> String {
    guard let value else { return "none" }
    if value == 0 { return "mixed" }
    return Message.Kind(rawValue: UInt8(clamping: value))?.shortName ?? "unknown"
  }


  /// A push row, decoded strictly: a state this pnsdoctor does not know is a damaged store.
  private static func push(from row: Row) throws -> ReceiverReport.Push {
    let kind: Int? = row["kind"]
    let id: Int64 = row["id"]
    guard let disposition = PushDisposition(rawValue: row["disposition"]),
      let signature = PushSignatureCheck(rawValue: row["signature"])
    else {
      throw DatabaseError(
        resultCode: .SQLITE_CORRUPT, message: "push \(id) holds a disposition or signature state this pnsdoctor does not know")
    }
    return ReceiverReport.Push(
      id: id, receivedMs: row["received_ms"], method: row["method"], path: row["path"],
      kinds: kind == nil ? [] : [kindName(kind)],
      disposition: disposition, signature: signature,
      answeredStatus: row["answered_status"], reason: row["reason"], upstreamStatus: row["upstream_status"],
      upstreamMicroseconds: row["upstream_us"], upstreamError: row["upstream_error"])
  }
}
