import Foundation
import GRDB

/// Reads calls back from their compressed bundles, with the strict decoder: a bundle that does
/// not read is a damaged store, said so, never skipped.
enum CallReader {
  /// Why a stored call does not read.
  struct Damage: Error, CustomStringConvertible {
    var rowId: Int64
    var detail: String
    var description: String { "call row \(rowId) does not read: \(detail)" }
  }

  /// The stored calls with exactly this session id, oldest row first, ready to take messages.
  static func workingCalls(sessionId: String, in db: Database, codec: BundleCodec) throws -> [WorkingCall] {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, failed, dictionary_id, bundle FROM calls JOIN call_messages ON call_id = id
          WHERE session_id = ? ORDER BY id
          """), arguments: [Data(sessionId.utf8)])
    return try rows.map { row in
      let id: Int64 = row["id"]
      let (stored, decoded) = try messages(of: row, rowId: id, codec: codec)
      return WorkingCall(rowId: id, sessionId: sessionId, messages: stored, decoded: decoded, wasFailed: row["failed"])
    }
  }

  /// The call kept in row `rowId`, with its messages as kept, or `nil` when there is none.
  static func storedCall(rowId: Int64, in db: Database, codec: BundleCodec) throws -> WorkingCall? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT id, session_id, failed, dictionary_id, bundle FROM calls JOIN call_messages ON call_id = id
            WHERE id = ?
            """), arguments: [rowId])
    else { return nil }
    let (stored, decoded) = try messages(of: row, rowId: rowId, codec: codec)
    let sessionId = String(decoding: (row["session_id"] as Data?) ?? Data(), as: UTF8.self)
    return WorkingCall(rowId: rowId, sessionId: sessionId, messages: stored, decoded: decoded, wasFailed: row["failed"])
  }

  /// The row ids of the calls with this session id, newest call first.
  static func rowIds(sessionId: String, in db: Database) throws -> [Int64] {
    try Int64.fetchAll(
      db, sql: "SELECT id FROM calls WHERE session_id = ? ORDER BY start_ms DESC, id DESC",
      arguments: [Data(sessionId.utf8)])
  }

  private static func messages(
    of row: Row, rowId: Int64, codec: BundleCodec
  ) throws -> ([StoredMessage], [Message]) {
    let bundle: Data = row["bundle"]
    let stored: [StoredMessage]
    do {
      stored = try codec.messages(dictionaryId: row["dictionary_id"], bundle: Array(bundle))
    } catch {
      throw Damage(rowId: rowId, detail: "\(error)")
    }
    do {
      return (stored, try stored.map(StoredMessageDecoder.message))
    } catch {
      throw Damage(rowId: rowId, detail: "\(error)")
    }
  }
}
