import GRDB

/// Rebuilds calls from their stored messages and keeps the `calls` table in step with them.
enum CallAssembler {
  /// The call with `sessionId`, read back from its stored messages.
  static func call(sessionId: String, in db: Database) throws -> Call? {
    let eventTexts = try String.fetchAll(
      db, sql: "SELECT raw FROM call_event WHERE session_id = ? ORDER BY id", arguments: [sessionId])
    // The first CDR counts; its deliveries are those of all the session's CDRs, as the
    // calls row has them (a re-push may be recorded against a later copy).
    let recordRow = try Row.fetchOne(
      db,
      sql: """
        SELECT raw, (SELECT MAX(deliveries) FROM cdr WHERE session_id = ?1) AS deliveries
        FROM cdr WHERE session_id = ?1 ORDER BY id LIMIT 1
        """, arguments: [sessionId])
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

  /// Rewrites the `calls` row of each session from its messages, with its diagnosis when a
  /// diagnoser is given.
  ///
  /// - Parameter fresh: messages of these sessions stored by the current transaction. A session
  ///   with no `calls` row yet has no other messages (every transaction that stores a message
  ///   also writes its call's row), so its call is built from these without reading back.
  /// - Returns: the earliest and latest start time of the calls written.
  @discardableResult
  static func refresh(
    sessions: some Sequence<String>, fresh: [String: FreshMessages] = [:], diagnoser: StoreDiagnoser? = nil,
    in db: Database
  ) throws -> ClosedRange<Int64>? {
    let exists = try db.cachedStatement(sql: "SELECT 1 FROM calls WHERE session_id = ?")
    let deliveriesOf = try db.cachedStatement(sql: "SELECT MAX(deliveries) FROM cdr WHERE session_id = ?")
    // An upsert, not INSERT OR REPLACE: the row keeps its id, which the number index refers to.
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO calls (
          session_id, mode, service_type, start_ms, end_ms, caller, callee, privacy_number,
          outcome, failed, state_code, release_point, q850_cause, call_out_q850_cause, sip_status,
          ring_ms, talk_ms, event_count, has_cdr, cdr_deliveries,
          verdict, cause_rule, cause_confidence, findings, diagnosis_state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(session_id) DO UPDATE SET
          mode = excluded.mode, service_type = excluded.service_type, start_ms = excluded.start_ms,
          end_ms = excluded.end_ms, caller = excluded.caller, callee = excluded.callee,
          privacy_number = excluded.privacy_number, outcome = excluded.outcome, failed = excluded.failed,
          state_code = excluded.state_code, release_point = excluded.release_point,
          q850_cause = excluded.q850_cause, call_out_q850_cause = excluded.call_out_q850_cause,
          sip_status = excluded.sip_status, ring_ms = excluded.ring_ms, talk_ms = excluded.talk_ms,
          event_count = excluded.event_count, has_cdr = excluded.has_cdr,
          cdr_deliveries = excluded.cdr_deliveries, verdict = excluded.verdict,
          cause_rule = excluded.cause_rule, cause_confidence = excluded.cause_confidence,
          findings = excluded.findings, diagnosis_state = excluded.diagnosis_state
        """)
    var span: ClosedRange<Int64>?
    for sessionId in sessions {
      let known = try Bool.fetchOne(exists, arguments: [sessionId]) ?? false
      let assembled: Call?
      if !known, let messages = fresh[sessionId] {
        var built = Call(sessionId: sessionId, events: messages.events, detailRecord: messages.detailRecord)
        // A copy of the CDR later in the same batch counted a delivery in the table only.
        if built.detailRecord != nil {
          built.detailRecordDeliveries = max(1, try Int.fetchOne(deliveriesOf, arguments: [sessionId]) ?? 0)
        }
        assembled = built
      } else {
        // Read back with the deliveries of all its CDRs.
        assembled = try call(sessionId: sessionId, in: db)
      }
      guard let call = assembled else { continue }
      let deliveries = call.detailRecordDeliveries
      let record = call.detailRecord
      let start = call.startTime?.millisecondsSince1970
      if let start { span = span.map { min($0.lowerBound, start)...max($0.upperBound, start) } ?? start...start }
      let diagnosis = try diagnoser?.diagnose(call)
      var values: [(any DatabaseValueConvertible)?] = [
        sessionId, call.mode.rawValue, record?.serviceType,
        start, call.endTime?.millisecondsSince1970,
        call.caller, call.callee, call.privacyNumber,
        call.outcome.rawValue, call.outcome == .failed,
        call.stateCode, record?.releasePoint, record?.forwardUnansweredReason,
        record?.callOutUnansweredReason, record?.sipStatusCode,
        call.ringSeconds.map { Int64($0 * 1000) }, call.talkSeconds.map { Int64($0 * 1000) },
        call.events.count, record != nil, deliveries,
      ]
      values += diagnosis?.columnValues ?? StoredDiagnosis.undiagnosedValues
      try upsert.execute(arguments: StatementArguments(values))
    }
    return span
  }
}
