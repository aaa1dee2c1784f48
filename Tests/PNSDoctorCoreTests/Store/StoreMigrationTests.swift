import Foundation
import GRDB
import Testing

@testable import PNSDoctorCore

/// A store written by an earlier pnsdoctor opens with everything in it, in the new shape.
@Suite("Store migrations")
struct StoreMigrationTests {
  @Test func aVersion2StoreKeepsItsMessagesAndRecognisesThemAfterTheUpgrade() throws {
    let path = StoreTestSupport.temporaryStorePath()
    // A store as pnsdoctor wrote it before v3: text keys, and the input's name on each message.
    let queue = try DatabaseQueue(path: path)
    try StoreMigrations.migrator.migrate(queue, upTo: "v2-source-heads")
    // An icid holding the key's separator must not shift the fields parsed out of the old key.
    let cdr = StoreTestSupport.cdr(session: "old-1", answered: false, releasePoint: 8104, q850: 20, sip: 480)
      .replacingOccurrences(of: "\"icid\":\"icid-old-1\"", with: "\"icid\":\"icid|old-1\"")
    let event = StoreTestSupport.event("callin", session: "old-1", time: "2024-05-13 05:24:57")
    let cdrMessage = try #require(CallAssembler.message(fromStored: cdr))
    let eventMessage = try #require(CallAssembler.message(fromStored: event))
    guard case .callDetailRecord(let record) = cdrMessage, case .callEvent(let callIn) = eventMessage else {
      Issue.record("the fixtures did not read as a CDR and an event")
      return
    }
    let start = try #require(record.callInTime?.millisecondsSince1970)
    let end = try #require(record.callEndTime?.millisecondsSince1970)
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO source (id, fingerprint, name, first_imported_ms) VALUES (7, 'f', 'old.log', 0)")
      try db.execute(
        sql: """
          INSERT INTO call_event (dedupe_key, session_id, event_type, time_ms, caller, called, deliveries,
            first_source, first_line, raw) VALUES (?, 'old-1', 'callin', ?, '+8610000000001', '+8612000000001', 1,
            'old.log', 1, ?)
          """, arguments: ["old-1|callin|\(start)|", callIn.timestamp?.millisecondsSince1970, event])
      try db.execute(
        sql: """
          INSERT INTO cdr (dedupe_key, session_id, service_type, call_in_ms, end_ms, q850_cause, release_point,
            sip_status, deliveries, first_source, first_line, raw)
          VALUES (?, 'old-1', '004', ?, ?, 20, 8104, 480, 2, 'old.log', 2, ?)
          """, arguments: ["old-1|icid|old-1|\(end)|", start, end, cdr])
      try db.execute(
        sql: """
          INSERT INTO calls (session_id, mode, start_ms, outcome, failed, release_point, event_count, has_cdr,
            cdr_deliveries) VALUES ('old-1', 'AXB', ?, 'failed', 1, 8104, 1, 1, 2)
          """, arguments: [start])
    }
    try queue.close()

    let store = try CallStore.open(path: path)
    let (row, eventSource) = try store.writer.read { db in
      (
        try #require(try Row.fetchOne(db, sql: "SELECT icid, fail_ms, end_ms, first_source_id, deliveries FROM cdr")),
        try Int.fetchOne(db, sql: "SELECT first_source_id FROM call_event")
      )
    }
    #expect(row["icid"] as String? == "icid|old-1")
    #expect(row["fail_ms"] as Int64? == nil)
    #expect(row["end_ms"] as Int64? == end)
    #expect(row["first_source_id"] as Int64? == 7)
    #expect(row["deliveries"] as Int? == 2)
    #expect(eventSource == 7)
    #expect(try store.counts() == StoreCounts(calls: 1, failedCalls: 1, smsNotifications: 0))

    // The same messages imported again are recognised as stored; the number search finds the
    // migrated call; the rules diagnose it.
    let statistics = try StoreTestSupport.importText(StoreTestSupport.batch([cdr]) + "\n" + event, into: store)
    #expect(statistics.new == 0 && statistics.duplicate == 2)
    var query = CallQuery()
    query.search = "10000000001"
    #expect(try store.calls(matching: query).map(\.sessionId) == ["old-1"])
    _ = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: KnowledgeFixtures.loaded.base))
    let diagnosed = try store.calls(matching: CallQuery()).first
    #expect(diagnosed?.diagnosis?.findings.contains { $0.ruleId == "callee-powered-off" } == true)
  }
}
