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
  mutating func store(_ record: ReadRecord) throws -> Bool {
    let raw = record.raw.compactJSON
    let table: String
    let inserted: Bool
    switch record.message {
    case .callEvent(let event):
      table = "call_event"
      let key = [
        event.sessionId, event.eventType?.wireName ?? "", event.timestamp.map { "\($0.millisecondsSince1970)" } ?? "",
        event.stateCode.map(String.init) ?? "",
      ].joined(separator: "|")
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO call_event (dedupe_key, session_id, event_type, time_ms, caller, called,
            state_code, first_source, first_line, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key, event.sessionId, event.eventType?.wireName, event.timestamp?.millisecondsSince1970,
          event.caller, event.called, event.stateCode, record.location.source, record.location.line, raw,
        ], key: key, table: table)
    case .callDetailRecord(let cdr):
      table = "cdr"
      let key = [
        cdr.sessionId, cdr.icid ?? "", cdr.callEndTime.map { "\($0.millisecondsSince1970)" } ?? "",
        cdr.failTime.map { "\($0.millisecondsSince1970)" } ?? "",
      ].joined(separator: "|")
      inserted = try insert(
        sql: """
          INSERT OR IGNORE INTO cdr (dedupe_key, session_id, service_type, caller, called,
            forward_destination, bind_number, call_in_ms, answer_ms, end_ms, q850_cause, release_point,
            sip_status, call_out_q850_cause, first_source, first_line, raw)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key, cdr.sessionId, cdr.serviceType, cdr.callerNumber, cdr.calleeNumber,
          cdr.forwardDestinationNumber, cdr.bindNumber, cdr.callInTime?.millisecondsSince1970,
          cdr.forwardAnswerTime?.millisecondsSince1970, cdr.callEndTime?.millisecondsSince1970,
          cdr.forwardUnansweredReason, cdr.releasePoint, cdr.sipStatusCode, cdr.callOutUnansweredReason,
          record.location.source, record.location.line, raw,
        ], key: key, table: table)
    case .sms(let sms):
      table = "sms"
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
          ] + (diagnoser?.diagnose(sms).columnValues ?? StoredDiagnosis.undiagnosedValues)),
        key: key, table: table)
    case .apiResponse(let response):
      table = "api_response"
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
        ], key: key, table: table)
    }
    let newOccurrence = try recordDelivery(of: record)
    if !inserted && newOccurrence {
      try db.cachedStatement(sql: "UPDATE \(table) SET deliveries = deliveries + 1 WHERE dedupe_key = ?")
        .execute(arguments: [currentKey])
    }
    return inserted
  }

  private var currentKey = ""

  private mutating func insert(sql: String, arguments: StatementArguments, key: String, table: String) throws -> Bool {
    currentKey = key
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
