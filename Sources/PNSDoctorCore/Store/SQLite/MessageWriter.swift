import GRDB

/// Writes SMS notifications and API responses into their tables inside one transaction,
/// storing each message once (events and CDRs go to their calls, through `CallWriter`).
///
/// A message already stored (same natural key) is not stored again; its delivery count goes up
/// (the importer passes only records past their input's watermark, so a re-push counts and a
/// repeated import does not).
final class MessageWriter {
  private let db: Database
  private let sourceId: Int64
  private let diagnoser: StoreDiagnoser?
  private var newNotifications = 0

  init(db: Database, sourceId: Int64, diagnoser: StoreDiagnoser? = nil) {
    self.db = db
    self.sourceId = sourceId
    self.diagnoser = diagnoser
  }

  /// Stores `record`; returns whether it was new.
  func store(_ record: ReadRecord) throws -> Bool {
    let raw = String(decoding: record.compactJSON, as: UTF8.self)
    let inserted: Bool
    // The statement that counts one more delivery of the message when it is already stored,
    // with its key.
    let redelivery: (sql: String, key: [any DatabaseValueConvertible])
    switch record.message {
    case .callEvent, .callDetailRecord:
      // Calls are kept whole, by CallWriter.
      return false
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
    // Every record reaching here is past its input's watermark: a message already stored is
    // delivered once more.
    if inserted {
      if case .sms = record.message { newNotifications += 1 }
    } else {
      try db.cachedStatement(sql: redelivery.sql).execute(arguments: StatementArguments(redelivery.key))
    }
    return inserted
  }

  /// Brings the kept counts up to date with what was stored.
  func finish() throws {
    guard newNotifications > 0 else { return }
    try db.execute(sql: "UPDATE store_counts SET sms = sms + ? WHERE id = 1", arguments: [newNotifications])
    newNotifications = 0
  }

  private func insert(sql: String, arguments: StatementArguments) throws -> Bool {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
    return db.changesCount > 0
  }
}
