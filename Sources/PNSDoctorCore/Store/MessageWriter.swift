import GRDB

/// Writes messages into their tables inside one transaction, storing each message once.
///
/// A message already stored (same natural key) is not stored again; its delivery count goes up
/// only when this occurrence (input content, byte offset, position) has not been seen before, so a
/// re-push counts and a repeated import does not.
struct MessageWriter {
  private let db: Database
  private let sourceId: Int64
  private let diagnoser: StoreDiagnoser?

  init(db: Database, sourceId: Int64, diagnoser: StoreDiagnoser? = nil) throws {
    self.db = db
    self.sourceId = sourceId
    self.diagnoser = diagnoser
  }

  /// Stores `record`; returns whether it was new.
  func store(_ record: ReadRecord) throws -> Bool {
    let raw = record.raw.compactJSON
    let inserted: Bool
    // The statement that counts one more delivery of the message when it is already stored,
    // with its key.
    let redelivery: (sql: String, key: [any DatabaseValueConvertible])
    switch record.message {
    case .callEvent(let event):
      // The natural key: session, event, time and hang-up cause (the unique index call_event_key).
      let time = event.timestamp?.millisecondsSince1970
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO call_event (session_id, event_type, time_ms, caller, called, state_code,
            first_source_id, first_line, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          event.sessionId, event.eventType?.wireName, time, event.caller, event.called, event.stateCode, sourceId,
          record.location.line, raw,
        ])
      redelivery = (
        """
        UPDATE call_event SET deliveries = deliveries + 1 WHERE session_id = ? AND COALESCE(event_type, '') = ?
          AND COALESCE(time_ms, \(Int64.min)) = ? AND COALESCE(state_code, \(Int64.min)) = ?
        """,
        [event.sessionId, event.eventType?.wireName ?? "", time ?? Int64.min, event.stateCode.map(Int64.init) ?? Int64.min]
      )
    case .callDetailRecord(let cdr):
      // The natural key: session, icid, end and failure times (the unique index cdr_key).
      let end = cdr.callEndTime?.millisecondsSince1970
      let fail = cdr.failTime?.millisecondsSince1970
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO cdr (session_id, icid, service_type, caller, called, forward_destination,
            bind_number, call_in_ms, answer_ms, end_ms, fail_ms, q850_cause, release_point, sip_status,
            call_out_q850_cause, first_source_id, first_line, raw)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          cdr.sessionId, cdr.icid, cdr.serviceType, cdr.callerNumber, cdr.calleeNumber,
          cdr.forwardDestinationNumber, cdr.bindNumber, cdr.callInTime?.millisecondsSince1970,
          cdr.forwardAnswerTime?.millisecondsSince1970, end, fail, cdr.forwardUnansweredReason, cdr.releasePoint,
          cdr.sipStatusCode, cdr.callOutUnansweredReason, sourceId, record.location.line, raw,
        ])
      redelivery = (
        """
        UPDATE cdr SET deliveries = deliveries + 1 WHERE session_id = ? AND COALESCE(icid, '') = ?
          AND COALESCE(end_ms, \(Int64.min)) = ? AND COALESCE(fail_ms, \(Int64.min)) = ?
        """,
        [cdr.sessionId, cdr.icid ?? "", end ?? Int64.min, fail ?? Int64.min]
      )
    case .sms(let sms):
      let key = [
        sms.smsIdentifier, sms.mode?.wireName ?? "", sms.sendResult.map(String.init) ?? "",
        sms.timestamp.map { "\($0.millisecondsSince1970)" } ?? "",
      ].joined(separator: "|")
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO sms (dedupe_key, sms_identifier, mode, calling, called, virtual_number,
            time_ms, send_result, subscription_id, first_source, first_line, raw,
            verdict, cause_rule, cause_confidence, findings, diagnosis_state)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: StatementArguments(
          [
            key, sms.smsIdentifier, sms.mode?.wireName, sms.calling, sms.called, sms.virtualNumber,
            sms.timestamp?.millisecondsSince1970, sms.sendResult, sms.subscriptionId,
            record.location.source, record.location.line, raw,
          ] + (diagnoser?.diagnose(sms).columnValues ?? StoredDiagnosis.undiagnosedValues)))
      redelivery = ("UPDATE sms SET deliveries = deliveries + 1 WHERE dedupe_key = ?", [key])
    case .apiResponse(let response):
      // API responses carry no id or time: identical text is the same response.
      let key = raw
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO api_response (dedupe_key, result_code, result_desc, first_source,
            first_line, raw) VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key, response.resultCode, response.resultDescription, record.location.source,
          record.location.line, raw,
        ])
      redelivery = ("UPDATE api_response SET deliveries = deliveries + 1 WHERE dedupe_key = ?", [key])
    }
    let newOccurrence = try recordDelivery(of: record)
    if !inserted && newOccurrence {
      try db.cachedStatement(sql: redelivery.sql).execute(arguments: StatementArguments(redelivery.key))
    }
    return inserted
  }

  private func insert(sql: String, arguments: StatementArguments) throws -> Bool {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
    return db.changesCount > 0
  }

  /// Notes this occurrence; returns whether it had not been seen before.
  private func recordDelivery(of record: ReadRecord) throws -> Bool {
    try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO delivery (source_id, byte_offset, ordinal) VALUES (?, ?, ?)"
    ).execute(arguments: [sourceId, record.offset, record.ordinal])
    return db.changesCount > 0
  }
}
