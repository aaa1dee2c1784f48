import Foundation
import GRDB
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
        events: try count("SELECT COUNT(*) FROM call_event"),
        records: try count("SELECT COUNT(*) FROM cdr"),
        sms: try count("SELECT COUNT(*) FROM sms"),
        deliveries: try count("SELECT COALESCE(SUM(deliveries), 0) FROM cdr"),
        failed: try count("SELECT COUNT(*) FROM calls WHERE failed = 1"))
    }
  }

  private init(calls: Int, events: Int, records: Int, sms: Int, deliveries: Int, failed: Int) {
    (self.calls, self.events, self.records, self.sms, self.deliveries, self.failed) =
      (calls, events, records, sms, deliveries, failed)
  }

  /// Checks that the store is intact and consistent: SQLite's own check, every stored message
  /// whole JSON, every call backed by its messages and every event's call present.
  static func expectWhole(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok", sourceLocation: sourceLocation)
      for raw in try String.fetchAll(db, sql: "SELECT raw FROM call_event UNION ALL SELECT raw FROM cdr") {
        #expect((try? JSONSerialization.jsonObject(with: Data(raw.utf8))) != nil, sourceLocation: sourceLocation)
      }
      let orphanCalls = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM call_event e WHERE e.session_id = c.session_id)
            AND NOT EXISTS (SELECT 1 FROM cdr r WHERE r.session_id = c.session_id)
          """)
      #expect(orphanCalls == 0, sourceLocation: sourceLocation)
      let orphanEvents = try Int.fetchOne(
        db,
        sql:
          "SELECT COUNT(*) FROM call_event e WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.session_id = e.session_id)"
      )
      #expect(orphanEvents == 0, sourceLocation: sourceLocation)
    }
  }

  /// Waits until an import running into `path` has committed a batch; `false` if it ended or
  /// 60 s passed first.
  static func waitForFirstBatch(_ path: String, of process: Process) -> Bool {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline && process.isRunning {
      if FileManager.default.fileExists(atPath: path), let queue = try? DatabaseQueue(path: path),
        let events = try? queue.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM call_event") }), events > 0
      {
        return true
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }
}
