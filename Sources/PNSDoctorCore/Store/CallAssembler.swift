import GRDB

/// Rebuilds calls from their stored messages and keeps the `calls` table in step with them.
enum CallAssembler {
  /// The call with `sessionId`, read back from its stored messages.
  static func call(sessionId: String, in db: Database) throws -> Call? {
    let eventTexts = try String.fetchAll(
      db, sql: "SELECT raw FROM call_event WHERE session_id = ? ORDER BY id", arguments: [sessionId])
    let recordRow = try Row.fetchOne(
      db, sql: "SELECT raw, deliveries FROM cdr WHERE session_id = ? ORDER BY id LIMIT 1", arguments: [sessionId])
    let recordText: String? = recordRow?["raw"]
    guard !eventTexts.isEmpty || recordText != nil else { return nil }
    let events = eventTexts.compactMap { text -> CallEvent? in
      if case .callEvent(let event)? = message(fromStored: text) { return event }
      return nil
    }
    var record: CallDetailRecord?
    if let recordText, case .callDetailRecord(let parsed)? = message(fromStored: recordText) {
      record = parsed
    }
    return Call(
      sessionId: sessionId, events: events, detailRecord: record, detailRecordDeliveries: recordRow?["deliveries"] ?? 1)
  }

  /// Re-reads a stored message. Stored JSON was produced by pnsdoctor from a message it had
  /// read, so this succeeds unless the file was edited by hand.
  static func message(fromStored text: String) -> Message? {
    guard let value = try? LenientJSONParser.parse(text),
      case .success(let classified)? = MessageClassifier.classify(value).first
    else { return nil }
    return classified.message
  }

  /// The messages of one call that a batch has just stored.
  struct FreshMessages {
    var events: [CallEvent] = []
    var detailRecord: CallDetailRecord?
  }

  /// Rewrites the `calls` row of each session from its messages.
  ///
  /// - Parameter fresh: messages of these sessions stored by the current transaction. A session
  ///   with no `calls` row yet has no other messages (every transaction that stores a message
  ///   also writes its call's row), so its call is built from these without reading back.
  static func refresh(sessions: some Sequence<String>, fresh: [String: FreshMessages] = [:], in db: Database) throws {
    let exists = try db.cachedStatement(sql: "SELECT 1 FROM calls WHERE session_id = ?")
    let upsert = try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO calls (
          session_id, mode, service_type, start_ms, end_ms, caller, callee, privacy_number,
          outcome, failed, state_code, release_point, q850_cause, call_out_q850_cause, sip_status,
          ring_ms, talk_ms, event_count, has_cdr, cdr_deliveries)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for sessionId in sessions {
      let known = try Bool.fetchOne(exists, arguments: [sessionId]) ?? false
      let assembled: Call?
      if !known, let messages = fresh[sessionId] {
        assembled = Call(sessionId: sessionId, events: messages.events, detailRecord: messages.detailRecord)
      } else {
        assembled = try call(sessionId: sessionId, in: db)
      }
      guard let call = assembled else { continue }
      let deliveries =
        try Int.fetchOne(db, sql: "SELECT MAX(deliveries) FROM cdr WHERE session_id = ?", arguments: [sessionId]) ?? 0
      let record = call.detailRecord
      try upsert.execute(arguments: [
        sessionId, call.mode.rawValue, record?.serviceType,
        call.startTime?.millisecondsSince1970, call.endTime?.millisecondsSince1970,
        call.caller, call.callee, call.privacyNumber,
        call.outcome.rawValue, call.outcome == .failed,
        call.stateCode, record?.releasePoint, record?.forwardUnansweredReason,
        record?.callOutUnansweredReason, record?.sipStatusCode,
        call.ringSeconds.map { Int64($0 * 1000) }, call.talkSeconds.map { Int64($0 * 1000) },
        call.events.count, record != nil, deliveries,
      ])
    }
  }
}
