import GRDB

/// What browsing needs beyond the call list: counts, SMS, raw messages, statistics.
extension CallStore {
  /// The number of calls, or of failed calls, as the triggers keep it in `store_counts`.
  static func keptCount(failedOnly: Bool, in db: Database) throws -> Int? {
    try Int.fetchOne(db, sql: "SELECT \(failedOnly ? "failed_calls" : "calls") FROM store_counts WHERE id = 1")
  }

  /// How many calls match `query` (its limit and offset aside).
  public func count(matching query: CallQuery) throws(StoreError) -> Int {
    do {
      return try writer.read { db in
        // Without filters (failed or all calls), the kept counts answer.
        if query.isUnfiltered, let kept = try Self.keptCount(failedOnly: query.failedOnly, in: db) { return kept }
        let (sql, arguments) = try query.planned(in: db).countSQL()
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// A page of the call list and how many calls match, counting no further than `limit`:
  /// what the list on screen asks on every keystroke of a filter, in one read. A search that
  /// matches few calls is run once: its matches, in order, give both the page and the total.
  public func page(
    matching query: CallQuery, countingUpTo limit: Int
  ) throws(StoreError) -> (rows: [CallSummary], total: Int, totalIsLowerBound: Bool) {
    do {
      return try writer.read { db in
        let codec = BundleCodec(db: db, shared: dictionaries)
        let planned = try query.planned(in: db)
        guard planned.searchIsSelective else {
          let (sql, arguments) = planned.sql()
          let rows = try CallReader.summaries(Row.fetchAll(db, sql: sql, arguments: arguments), in: db, codec: codec)
          if query.isUnfiltered {
            return (rows, try Self.keptCount(failedOnly: query.failedOnly, in: db) ?? 0, false)
          }
          let (matches, matchArguments) = planned.matchSQL()
          let count =
            try Int.fetchOne(
              db, sql: "SELECT COUNT(*) FROM (\(matches) LIMIT ?)", arguments: matchArguments + [limit + 1]) ?? 0
          return (rows, min(count, limit), count > limit)
        }
        let (sql, arguments) = planned.orderedIdsSQL()
        let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
        let pageIds = Array(ids.dropFirst(query.offset).prefix(query.limit))
        var byId: [Int64: CallSummary] = [:]
        if !pageIds.isEmpty {
          let marks = Array(repeating: "?", count: pageIds.count).joined(separator: ",")
          let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM calls WHERE id IN (\(marks))", arguments: StatementArguments(pageIds))
          for summary in try CallReader.summaries(rows, in: db, codec: codec) { byId[summary.rowId] = summary }
        }
        return (pageIds.compactMap { byId[$0] }, min(ids.count, limit), ids.count > limit)
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
        guard let raw = try String.fetchOne(db, sql: "SELECT raw FROM sms WHERE id = ?", arguments: [id]) else {
          return nil
        }
        let stored = StoredMessage(kind: .sms, json: Array(raw.utf8), deliveries: 1, sourceId: 0, line: 0)
        guard case .sms(let notification) = try StoredMessageDecoder.message(stored) else { return nil }
        return (notification, raw)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// The stored messages of the call in row `rowId`, every version and re-pushed message
  /// once, in time order (a CDR at its call's end, when it was pushed; messages with no time
  /// last, in the order first stored), each with its deliveries and the input it came from.
  public func rawMessages(rowId: Int64) throws(StoreError) -> [RawMessage] {
    do {
      return try writer.read { db in
        let codec = BundleCodec(db: db, shared: dictionaries)
        guard let call = try CallReader.storedCall(rowId: rowId, in: db, codec: codec) else { return [] }
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM source") { names[row["id"]] = row["name"] }
        let messages = zip(call.messages, call.decoded).map { stored, decoded in
          RawMessage(
            kind: stored.kind, json: String(decoding: stored.json, as: UTF8.self), deliveries: stored.deliveries,
            sourceName: names[stored.sourceId], line: stored.line, time: Self.pushTime(of: decoded))
        }
        return messages.enumerated().sorted { a, b in
          switch (a.element.time, b.element.time) {
          case (let x?, let y?) where x != y: return x < y
          case (.some, nil): return true
          case (nil, .some): return false
          default: return a.offset < b.offset
          }
        }.map(\.element)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  /// When a message was pushed, as near as its fields tell: an event at its timestamp, a CDR
  /// at its call's end.
  private static func pushTime(of message: Message) -> Timestamp? {
    switch message {
    case .callEvent(let event): return event.timestamp
    case .callDetailRecord(let record):
      return record.callEndTime ?? record.failTime ?? record.forwardAnswerTime ?? record.callInTime
    case .sms, .apiResponse: return nil
    }
  }

  /// Failed calls by stored top cause, and calls per hour over the last 48 hours of data.
  public func failureStatistics() throws(StoreError) -> FailureStatistics {
    do {
      return try writer.read { db in
        // The stored diagnoses answer this: nothing is diagnosed to draw the screen.
        let byCause = try Row.fetchAll(
          db,
          sql: """
            SELECT cause_rule, COUNT(*) AS count FROM calls WHERE failed = 1
            GROUP BY cause_rule ORDER BY count DESC, cause_rule LIMIT 20
            """
        ).map { row -> (ruleId: String?, count: Int) in (row["cause_rule"], row["count"]) }
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
        let rePushed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls WHERE cdr_deliveries > 1") ?? 0
        return FailureStatistics(byCause: byCause, hourly: hourly, rePushedCalls: rePushed)
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}
