import GRDB

/// What browsing needs beyond the call list: counts, neighbours, SMS, raw messages, statistics.
extension CallStore {
  /// Calls that started within `window` seconds of `call` (not `call` itself), nearest in time
  /// first, at most `limit`: the neighbours pattern rules look at.
  public func neighbours(of call: Call, window: Double, limit: Int = 2000) throws(StoreError) -> [Call] {
    guard window > 0, let start = call.startTime else { return [] }
    let milliseconds = Int64(window * 1000)
    do {
      return try writer.read { db in
        let sessions = try String.fetchAll(
          db,
          sql: """
            SELECT session_id FROM calls WHERE start_ms BETWEEN ? AND ? AND session_id != ?
            ORDER BY ABS(start_ms - ?) LIMIT ?
            """,
          arguments: [
            start.millisecondsSince1970 - milliseconds, start.millisecondsSince1970 + milliseconds, call.sessionId,
            start.millisecondsSince1970, limit,
          ])
        return try sessions.compactMap { try CallAssembler.call(sessionId: $0, in: db) }
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}

extension CallStore {
  /// How many calls match `query` (its limit and offset aside).
  public func count(matching query: CallQuery) throws(StoreError) -> Int {
    do {
      return try writer.read { db in
        let (sql, arguments) = query.countSQL()
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// SMS notifications matching `query`, newest first, and how many match in all.
  public func smsNotifications(matching query: SMSQuery) throws(StoreError) -> (rows: [SMSSummary], total: Int) {
    do {
      return try writer.read { db in
        let (conditions, arguments) = query.whereClause()
        let rows = try Row.fetchAll(
          db, sql: "SELECT * FROM sms\(conditions) ORDER BY time_ms DESC, id DESC LIMIT ? OFFSET ?",
          arguments: StatementArguments(arguments + [query.limit, query.offset])
        ).map(SMSSummary.init(row:))
        let total =
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms\(conditions)", arguments: StatementArguments(arguments))
          ?? 0
        return (rows, total)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// One stored SMS notification and its JSON, by row id.
  public func sms(id: Int64) throws(StoreError) -> (notification: SMSNotification, raw: String)? {
    do {
      return try writer.read { db in
        guard let raw = try String.fetchOne(db, sql: "SELECT raw FROM sms WHERE id = ?", arguments: [id]),
          case .sms(let notification)? = CallAssembler.message(fromStored: raw)
        else { return nil }
        return (notification, raw)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The stored JSON of a call's messages, events first, in arrival order.
  public func rawMessages(sessionId: String) throws(StoreError) -> [String] {
    do {
      return try writer.read { db in
        try String.fetchAll(
          db,
          sql: "SELECT raw FROM call_event WHERE session_id = ? UNION ALL SELECT raw FROM cdr WHERE session_id = ?",
          arguments: [sessionId, sessionId])
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// Failed calls by main code, and calls per hour over the last 48 hours of data.
  public func failureStatistics() throws(StoreError) -> FailureStatistics {
    do {
      return try writer.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT CASE WHEN release_point IS NOT NULL AND release_point != 0 THEN 'ulFailReason'
                        WHEN state_code IS NOT NULL AND state_code != 0 THEN 'stateCode'
                        WHEN q850_cause IS NOT NULL AND q850_cause != 0 THEN 'fwdUnaswRsn'
                        WHEN sip_status IS NOT NULL AND sip_status != 0 THEN 'sipStatusCode' END AS field,
                   COALESCE(NULLIF(release_point, 0), NULLIF(state_code, 0), NULLIF(q850_cause, 0), NULLIF(sip_status, 0)) AS code,
                   COUNT(*) AS count
            FROM calls WHERE failed = 1 GROUP BY field, code ORDER BY count DESC LIMIT 20
            """)
        let byCode = rows.compactMap { row -> (field: CodeField, code: Int, count: Int)? in
          guard let field = (row["field"] as String?).flatMap(CodeField.init(rawValue:)), let code = row["code"] as Int?
          else { return nil }
          return (field, code, row["count"])
        }
        var hourly: [(hourStart: Timestamp, failed: Int, total: Int)] = []
        if let latest = try Int64.fetchOne(db, sql: "SELECT MAX(start_ms) FROM calls") {
          let hour: Int64 = 3_600_000
          let last = latest / hour
          let counts = try Row.fetchAll(
            db,
            sql: """
              SELECT start_ms / 3600000 AS hour, SUM(failed) AS failed, COUNT(*) AS total FROM calls
              WHERE start_ms >= ? GROUP BY hour
              """,
            arguments: [(last - 47) * hour])
          var byHour: [Int64: (Int, Int)] = [:]
          for row in counts { byHour[row["hour"]] = (row["failed"], row["total"]) }
          hourly = ((last - 47)...last).map { index in
            let value = byHour[index] ?? (0, 0)
            return (Timestamp(millisecondsSince1970: index * hour), value.0, value.1)
          }
        }
        return FailureStatistics(byCode: byCode, hourly: hourly)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}
