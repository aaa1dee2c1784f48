import GRDB

/// Carries a v3 store's events and CDRs (one row per message, with its JSON) into v4's calls and
/// bundles, inside the v4 migration: every message is kept, with its deliveries and where it
/// was first seen, and calls are formed by the same rules as an import (so a session id reused
/// days apart becomes two calls).
enum StoreSchemaV3Carrier {
  /// Why a v3 message could not be carried over: the migration stops and the store stays v3.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// How many sessions are written per `CallWriter` round (memory stays bounded).
  static let sessionsPerRound = 2000

  static func carryOver(in db: Database) throws {
    let codec = BundleCodec(db: db)
    var writer = CallWriter(db: db, codec: codec, diagnoser: nil)
    var sessionsInRound = 0
    var lastSession: String?
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT session_id, kind, id, deliveries, first_source_id, first_line, raw FROM (
          SELECT session_id, \(Message.Kind.callEvent.rawValue) AS kind, id, deliveries, first_source_id, first_line, raw
            FROM call_event
          UNION ALL
          SELECT session_id, \(Message.Kind.detailRecord.rawValue), id, deliveries, first_source_id, first_line, raw
            FROM cdr)
        ORDER BY session_id, kind, id
        """)
    // The rows are read in one statement while the writer inserts into other tables: the cursor
    // reads call_event and cdr, the writer writes calls_v4, call_messages and number.
    var pending: [(Message, StoredMessage)] = []
    while let row = try cursor.next() {
      let session: String = row["session_id"]
      if session != lastSession {
        sessionsInRound += 1
        lastSession = session
        if sessionsInRound > sessionsPerRound {
          try flush(&pending, into: writer)
          _ = try writer.finish()
          writer = CallWriter(db: db, codec: codec, diagnoser: nil)
          sessionsInRound = 1
        }
      }
      let kindNumber: Int = row["kind"]
      guard let kind = Message.Kind(rawValue: UInt8(kindNumber)) else { continue }
      let raw: String = row["raw"]
      let stored = StoredMessage(
        kind: kind, json: Array(raw.utf8), deliveries: max(1, row["deliveries"] as Int? ?? 1),
        sourceId: row["first_source_id"] as Int64? ?? 0, line: row["first_line"] as Int? ?? 0)
      do {
        pending.append((try StoredMessageDecoder.message(stored), stored))
      } catch {
        let table = kind == .callEvent ? "call_event" : "cdr"
        throw Failure(description: "\(table) row \(row["id"] as Int64? ?? 0) cannot be carried over: \(error)")
      }
    }
    try flush(&pending, into: writer)
    _ = try writer.finish()
  }

  private static func flush(_ pending: inout [(Message, StoredMessage)], into writer: CallWriter) throws {
    for (message, stored) in pending { try writer.add(message, stored: stored) }
    pending.removeAll(keepingCapacity: true)
  }
}
