import Foundation
import GRDB
import PNSDoctorCore
import Testing

/// What a store holds, counted, and whether it is whole: for comparing a store that went
/// through trouble with one built cleanly.
struct StoreSnapshot: Equatable {
  var calls, events, records, sms, deliveries, failed: Int

  init(_ path: String) throws {
    let queue = try DatabaseQueue(path: path)
    self = try queue.read { db in
      func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
      return StoreSnapshot(
        calls: try count("SELECT COUNT(*) FROM calls"),
        events: try count("SELECT COALESCE(SUM(event_count), 0) FROM calls"),
        records: try count("SELECT COUNT(*) FROM calls WHERE has_cdr"),
        sms: try count("SELECT COUNT(*) FROM sms"),
        deliveries: try count("SELECT COALESCE(SUM(cdr_deliveries), 0) FROM calls"),
        failed: try count("SELECT COUNT(*) FROM calls WHERE failed = 1"))
    }
  }

  private init(calls: Int, events: Int, records: Int, sms: Int, deliveries: Int, failed: Int) {
    (self.calls, self.events, self.records, self.sms, self.deliveries, self.failed) =
      (calls, events, records, sms, deliveries, failed)
  }

  /// Checks that the store is intact and consistent: SQLite's own check, every call's bundle
  /// there and read back whole (each message JSON), and no bundle without its call.
  static func expectWhole(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let queue = try DatabaseQueue(path: path)
    let rowIds = try queue.read { db -> [Int64] in
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok", sourceLocation: sourceLocation)
      let unbundled = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM calls WHERE NOT EXISTS (SELECT 1 FROM call_messages WHERE call_id = calls.id)")
      #expect(unbundled == 0, sourceLocation: sourceLocation)
      let orphanBundles = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM call_messages WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_id)")
      #expect(orphanBundles == 0, sourceLocation: sourceLocation)
      return try Int64.fetchAll(db, sql: "SELECT id FROM calls")
    }
    try queue.close()
    let store = try CallStore.openForReading(path: path)
    for rowId in rowIds {
      let messages = try store.rawMessages(rowId: rowId)
      #expect(!messages.isEmpty, sourceLocation: sourceLocation)
      for raw in messages {
        #expect((try? JSONSerialization.jsonObject(with: Data(raw.json.utf8))) != nil, sourceLocation: sourceLocation)
      }
    }
  }

  /// Waits until an import running into `path` has committed a batch; `false` if it ended or
  /// 60 s passed first.
  static func waitForFirstBatch(_ path: String, of process: Process) -> Bool {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline && process.isRunning {
      if FileManager.default.fileExists(atPath: path), let queue = try? DatabaseQueue(path: path),
        let events = try? queue.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM calls") }), events > 0
      {
        return true
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }
}
