import Foundation
import GRDB
import Testing

@testable import PNSDoctorCore

/// A store written by an earlier pnsdoctor opens with everything in it, in the new shape.
@Suite("Store migrations")
struct StoreMigrationTests {
  typealias Support = StoreTestSupport

  /// The v3 migration's name: a store made by the v3 code has exactly the migrations up to it.
  static let v3 = "v3-stored-diagnosis-and-number-search"

  /// A store as the v3 code wrote it: one row per message with its JSON, a delivery row per
  /// occurrence, the input's head, and a calls row per session id. It holds a call with a
  /// re-pushed CDR, and a session id the platform reused a week later for a failed call (which
  /// v3 merged into the first call).
  static func makeVersion3Store(at path: String) throws -> (input: String, messages: [String]) {
    let queue = try DatabaseQueue(path: path)
    try StoreMigrations.migrator.migrate(queue, upTo: v3)
    let callIn = Support.event("callin", session: "old-1", time: "2024-05-13 05:24:57")
    let cdr = Support.cdr(session: "old-1", answered: true)
    let reusedCallIn = Support.event("callin", session: "old-1", time: "2024-05-20 09:00:00")
    let reusedDisconnect = Support.event(
      "disconnect", session: "old-1", time: "2024-05-20 09:00:30", stateCode: 8104)
    let input = [callIn, Support.batch([cdr]), reusedCallIn, reusedDisconnect].joined(separator: "\n") + "\n"
    let head = Array(input.utf8)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO source (id, fingerprint, name, first_imported_ms, head_key, head)
          VALUES (7, 'f', 'old.log', 0, ?, ?)
          """, arguments: [FNV1a.hexDigest(of: Array(head.prefix(32))), Data(head)])
      // Offsets of each record in the input, as the v3 importer noted them.
      var offsets: [Int] = []
      var offset = 0
      for line in input.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        offsets.append(offset)
        offset += line.utf8.count + 1
      }
      for (index, recordOffset) in offsets.enumerated() {
        try db.execute(
          sql: "INSERT INTO delivery (source_id, byte_offset, ordinal) VALUES (7, ?, 0)", arguments: [recordOffset])
        _ = index
      }
      func time(_ text: String) -> Int64? { Timestamp.parse(text)?.millisecondsSince1970 }
      for (raw, type, at, state, line) in [
        (callIn, "callin", "2024-05-13 05:24:57", nil as Int?, 1), (reusedCallIn, "callin", "2024-05-20 09:00:00", nil, 3),
        (reusedDisconnect, "disconnect", "2024-05-20 09:00:30", 8104, 4),
      ] {
        try db.execute(
          sql: """
            INSERT INTO call_event (session_id, event_type, time_ms, caller, called, state_code, deliveries,
              first_source_id, first_line, raw) VALUES ('old-1', ?, ?, '+8610000000001', '+8612000000001', ?, 1, 7, ?, ?)
            """, arguments: [type, time(at), state, line, raw])
      }
      try db.execute(
        sql: """
          INSERT INTO cdr (session_id, icid, service_type, call_in_ms, end_ms, deliveries, first_source_id, first_line, raw)
          VALUES ('old-1', 'icid-old-1', '004', ?, ?, 2, 7, 2, ?)
          """, arguments: [time("2024-05-13 05:24:57"), time("2024-05-13 05:25:41"), cdr])
      try db.execute(
        sql: """
          INSERT INTO calls (session_id, mode, start_ms, outcome, failed, event_count, has_cdr, cdr_deliveries,
            diagnosis_state) VALUES ('old-1', 'AXB', ?, 'answered', 0, 3, 1, 2, 1)
          """, arguments: [time("2024-05-13 05:24:57")])
    }
    try queue.close()
    return (input, [callIn, cdr, reusedCallIn, reusedDisconnect])
  }

  @Test func aVersion3StoreKeepsEveryMessageAndSplitsAReusedSessionId() throws {
    let path = Support.temporaryStorePath()
    let (input, messages) = try Self.makeVersion3Store(at: path)

    // A reader refuses it, changing nothing, and says how to migrate.
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect {
      _ = try CallStore.openForReading(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .outdated
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

    let store = try CallStore.open(path: path)
    // Two calls now: the answered one and, a week later, the failure v3 had hidden in it.
    let calls = try store.calls(sessionId: "old-1")
    #expect(calls.count == 2)
    #expect(calls.first?.outcome == .failed)
    #expect(calls.first?.stateCode == 8104)
    #expect(calls.last?.outcome == .answered)
    #expect(calls.last?.detailRecordDeliveries == 2)
    var failed = CallQuery()
    failed.failedOnly = true
    #expect(try store.calls(matching: failed).map(\.sessionId) == ["old-1"])
    #expect(try store.counts() == StoreCounts(calls: 2, failedCalls: 1, smsNotifications: 0))
    // Every message, byte for byte.
    let rows = try store.calls(matching: CallQuery()).map(\.rowId)
    let kept = try rows.flatMap { try store.rawMessages(rowId: $0).map(\.json) }
    #expect(Set(kept) == Set(messages))
    #expect(kept.count == messages.count)
    // The old tables are gone.
    let oldTables = try store.writer.read { db in
      try ["call_event", "cdr", "delivery"].filter { try db.tableExists($0) }
    }
    #expect(oldTables.isEmpty)

    // The input the v3 store was made from, imported again: its watermark was carried over,
    // so nothing is counted twice.
    let statistics = try Support.importText(input, name: "old.log", into: store)
    #expect(statistics.new == 0 && statistics.duplicate == 0)
    #expect(statistics.alreadyStored == 4)
    #expect(try store.call(rowId: rows.last ?? 0)?.detailRecordDeliveries == 2)
    // The number search finds the migrated calls; the rules diagnose them.
    var query = CallQuery()
    query.search = "10000000001"
    #expect(try store.calls(matching: query).count == 2)
    _ = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: KnowledgeFixtures.loaded.base))
    let diagnosed = try store.calls(matching: failed).first
    #expect(diagnosed?.diagnosis?.findings.contains { $0.ruleId == "callee-powered-off" } == true)
  }

  @Test func aVersion2StoreIsCarriedThroughToVersion4() throws {
    let path = Support.temporaryStorePath()
    // A store as pnsdoctor wrote it before v3: text keys, and the input's name on each message.
    let queue = try DatabaseQueue(path: path)
    try StoreMigrations.migrator.migrate(queue, upTo: "v2-source-heads")
    // An icid holding the old key's separator must not shift the fields parsed out of it.
    let cdr = Support.cdr(session: "old-2", answered: false, releasePoint: 8104, q850: 20, sip: 480)
      .replacingOccurrences(of: "\"icid\":\"icid-old-2\"", with: "\"icid\":\"icid|old-2\"")
    let event = Support.event("callin", session: "old-2", time: "2024-05-13 05:24:57")
    try queue.write { db in
      try db.execute(sql: "INSERT INTO source (id, fingerprint, name, first_imported_ms) VALUES (7, 'f', 'old.log', 0)")
      try db.execute(
        sql: """
          INSERT INTO call_event (dedupe_key, session_id, event_type, time_ms, deliveries, first_source, first_line, raw)
          VALUES ('k1', 'old-2', 'callin', 1715577897000, 1, 'old.log', 1, ?)
          """, arguments: [event])
      try db.execute(
        sql: """
          INSERT INTO cdr (dedupe_key, session_id, service_type, deliveries, first_source, first_line, raw)
          VALUES ('old-2|icid|old-2|1715577941000|', 'old-2', '004', 2, 'old.log', 2, ?)
          """, arguments: [cdr])
      try db.execute(
        sql: """
          INSERT INTO calls (session_id, mode, outcome, failed, event_count, has_cdr, cdr_deliveries)
          VALUES ('old-2', 'AXB', 'failed', 1, 1, 1, 2)
          """)
    }
    try queue.close()

    let store = try CallStore.open(path: path)
    let call = try #require(try store.call(sessionId: "old-2"))
    #expect(call.detailRecord?.icid == "icid|old-2")
    #expect(call.detailRecordDeliveries == 2)
    #expect(call.events.count == 1)
    #expect(try store.counts() == StoreCounts(calls: 1, failedCalls: 1, smsNotifications: 0))
  }

  /// A Block-mode SMS a v4 store diagnosed as `unknown`, before `pending` existed, is pending
  /// once the store is opened by this code and its diagnoses brought up to date.
  @Test func aBlockSMSStoredAsUnknownIsDiagnosedAgainAsPending() throws {
    let path = Support.temporaryStorePath()
    let block =
      #"{"appKey":"****","smsEvent":{"smsIdentifier":"blk-1","notificationMode":"Block","calling":"+8610000000021","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:24:57.123Z","sendResult":0}}"#
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    func verdict() throws -> String? {
      let queue = try DatabaseQueue(path: path)
      defer { try? queue.close() }
      return try queue.read { db in try String.fetchOne(db, sql: "SELECT verdict FROM sms") }
    }
    do {
      let store = try CallStore.open(path: path)
      try Support.importText(block, into: store)
      _ = try store.updateDiagnoses(engine: engine)
    }
    #expect(try verdict() == "pending")
    // Back to what the v4 code left: the old verdict, diagnosed, and no v5 migration.
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "UPDATE sms SET verdict = 'unknown', diagnosis_state = 1")
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-pending-sms-verdict'")
    }
    try queue.close()
    #expect(try verdict() == "unknown")
    let reopened = try CallStore.open(path: path)
    let update = try reopened.updateDiagnoses(engine: engine)
    #expect(update.smsDiagnosed == 1)
    #expect(try verdict() == "pending")
  }
}
