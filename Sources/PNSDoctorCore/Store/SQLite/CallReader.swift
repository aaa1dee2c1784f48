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
  /// Rows are found by the id's hash; a row whose bundle holds another id (a collision) is not
  /// one of them.
  static func workingCalls(sessionId: String, in db: Database, codec: BundleCodec) throws -> [WorkingCall] {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, failed, dictionary_id, bundle FROM calls JOIN call_messages ON call_id = id
          WHERE session_hash = ? ORDER BY id
          """), arguments: [WorkingCall.hash(sessionId: sessionId)])
    return try rows.compactMap { row in
      let id: Int64 = row["id"]
      let (storedId, stored, decoded) = try messages(of: row, rowId: id, codec: codec)
      guard storedId == sessionId else { return nil }
      return WorkingCall(rowId: id, sessionId: sessionId, messages: stored, decoded: decoded, wasFailed: row["failed"])
    }
  }

  /// The call kept in row `rowId`, with its messages as kept, or `nil` when there is none.
  static func storedCall(rowId: Int64, in db: Database, codec: BundleCodec) throws -> WorkingCall? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT id, failed, dictionary_id, bundle FROM calls JOIN call_messages ON call_id = id
            WHERE id = ?
            """), arguments: [rowId])
    else { return nil }
    let (sessionId, stored, decoded) = try messages(of: row, rowId: rowId, codec: codec)
    return WorkingCall(rowId: rowId, sessionId: sessionId, messages: stored, decoded: decoded, wasFailed: row["failed"])
  }

  /// The row ids of the calls with this session id, newest call first.
  static func rowIds(sessionId: String, in db: Database, codec: BundleCodec) throws -> [Int64] {
    let ids = try Int64.fetchAll(
      db, sql: "SELECT id FROM calls WHERE session_hash = ? ORDER BY start_ms DESC, id DESC",
      arguments: [WorkingCall.hash(sessionId: sessionId)])
    let found = try sessionIds(rowIds: ids, in: db, codec: codec)
    return ids.filter { found[$0] == sessionId }
  }

  /// The session id of each of these calls, read from the head of its bundle (decompressed,
  /// its messages not decoded): what a page of the call list shows.
  static func sessionIds(rowIds: [Int64], in db: Database, codec: BundleCodec) throws -> [Int64: String] {
    guard !rowIds.isEmpty else { return [:] }
    var found: [Int64: String] = [:]
    // Bound per statement, well under SQLite's limit on variables.
    for chunk in stride(from: 0, to: rowIds.count, by: 500).map({ Array(rowIds[$0..<min($0 + 500, rowIds.count)]) }) {
      let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
      for row in try Row.fetchAll(
        db, sql: "SELECT call_id, dictionary_id, bundle FROM call_messages WHERE call_id IN (\(marks))",
        arguments: StatementArguments(chunk))
      {
        let id: Int64 = row["call_id"]
        let bundle: Data = row["bundle"]
        do {
          found[id] = try MessageBundle.sessionId(
            in: try codec.decompress(dictionaryId: row["dictionary_id"], bundle: Array(bundle)))
        } catch {
          throw Damage(rowId: id, detail: "\(error)")
        }
      }
    }
    return found
  }

  /// Call list rows with their session ids.
  static func summaries(_ rows: [Row], in db: Database, codec: BundleCodec) throws -> [CallSummary] {
    var summaries = rows.map(CallSummary.init(row:))
    let ids = try sessionIds(rowIds: summaries.map(\.rowId), in: db, codec: codec)
    for index in summaries.indices {
      guard let id = ids[summaries[index].rowId] else {
        throw Damage(rowId: summaries[index].rowId, detail: "its messages are missing")
      }
      summaries[index].sessionId = id
    }
    return summaries
  }

  private static func messages(
    of row: Row, rowId: Int64, codec: BundleCodec
  ) throws -> (String, [StoredMessage], [Message]) {
    let bundle: Data = row["bundle"]
    let sessionId: String
    let stored: [StoredMessage]
    do {
      (sessionId, stored) = try codec.messages(dictionaryId: row["dictionary_id"], bundle: Array(bundle))
    } catch {
      throw Damage(rowId: rowId, detail: "\(error)")
    }
    do {
      return (sessionId, stored, try stored.map(StoredMessageDecoder.message))
    } catch {
      throw Damage(rowId: rowId, detail: "\(error)")
    }
  }
}
