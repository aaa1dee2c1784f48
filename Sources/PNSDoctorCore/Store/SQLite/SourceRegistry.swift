import Foundation
import GRDB

/// Recognises inputs already imported and keeps each one's watermark: the last record stored
/// from it, committed in the same transaction as that record. A record at or before the
/// watermark of its input was stored by an earlier run (a repeated import, an interrupted one,
/// a log that has grown since): it is skipped, not counted again. The same bytes anywhere
/// else are a re-push.
///
/// An input is the same source as a stored one when one head is a prefix of the other: the same
/// file imported twice, a copy of it, the same bytes through a pipe, or a log that has grown
/// since. Candidates are found by the hash of the first 32 bytes; a source whose head was
/// shorter than that (a log just started) is a candidate for every input, so that its identity
/// does not change when it grows.
enum SourceRegistry {
  /// How many first bytes of an input are kept to recognise it.
  static let headLength = 64 << 10
  static let keyLength = 32
  /// How many last bytes of an input read to its end are hashed, to recognise it unchanged.
  static let tailLength = 64 << 10

  /// One input as the store knows it.
  struct Source: Equatable {
    var id: Int64
    /// The last record stored from it: its top-level value's byte offset and its position in it.
    var lastOffset: Int
    var lastOrdinal: Int
    /// Whether it was read to its end, at what size and with what last bytes (a hash).
    var endSize: Int?
    var endTailHash: Int64?

    /// Whether the record at `offset`, `ordinal` comes after the watermark.
    func isNew(offset: Int, ordinal: Int) -> Bool {
      offset > lastOffset || (offset == lastOffset && ordinal > lastOrdinal)
    }
  }

  private static func key(of head: [UInt8]) -> String {
    FNV1a.hexDigest(of: Array(head.prefix(keyLength)))
  }

  /// The stored source `head` belongs to, or `nil` (read only).
  static func find(head: [UInt8], in db: Database) throws -> Source? {
    let candidates = try Row.fetchAll(
      db, sql: "SELECT * FROM source WHERE head_key = ? OR length(head) < ? ORDER BY id",
      arguments: [key(of: head), keyLength])
    for candidate in candidates {
      let stored: [UInt8] = (candidate["head"] as Data?).map { Array($0) } ?? []
      let common = min(stored.count, head.count)
      guard stored.prefix(common).elementsEqual(head.prefix(common)) else { continue }
      return Source(
        id: candidate["id"], lastOffset: candidate["last_offset"], lastOrdinal: candidate["last_ordinal"],
        endSize: candidate["end_size"], endTailHash: candidate["end_tail_hash"])
    }
    return nil
  }

  /// The source `head` belongs to, created when it is new; a longer head than the one kept
  /// (the log grew) replaces it.
  static func source(head: [UInt8], name: String, in db: Database) throws -> Source {
    if let found = try find(head: head, in: db) {
      try db.execute(
        sql: "UPDATE source SET head = ?, head_key = ? WHERE id = ? AND length(head) < ?",
        arguments: [Data(head), key(of: head), found.id, head.count])
      return found
    }
    try db.execute(
      sql: "INSERT INTO source (fingerprint, name, first_imported_ms, head_key, head) VALUES (?, ?, ?, ?, ?)",
      arguments: [
        FNV1a.hexDigest(of: head) + "-" + UUID().uuidString, name, Timestamp.now.millisecondsSince1970,
        key(of: head), Data(head),
      ])
    return Source(id: db.lastInsertedRowID, lastOffset: -1, lastOrdinal: -1, endSize: nil, endTailHash: nil)
  }

  /// Moves the watermark to the last record of a batch just stored.
  static func advance(_ id: Int64, offset: Int, ordinal: Int, records: Int, in db: Database) throws {
    try db.execute(
      sql: """
        UPDATE source SET last_offset = ?, last_ordinal = ?, records = records + ?
        WHERE id = ? AND (last_offset < ? OR (last_offset = ? AND last_ordinal < ?))
        """, arguments: [offset, ordinal, records, id, offset, offset, ordinal])
  }

  /// Records that the source was read to its end at `size` bytes ending with `tailHash`.
  static func markReadToEnd(_ id: Int64, size: Int, tailHash: Int64?, in db: Database) throws {
    try db.execute(
      sql: "UPDATE source SET read_to_end = 1, end_size = ?, end_tail_hash = ? WHERE id = ?",
      arguments: [size, tailHash, id])
  }

  /// The hash kept of an input's last bytes.
  static func tailHash(_ bytes: [UInt8]) -> Int64 {
    Int64(bitPattern: FNV1a.hash(bytes))
  }
}
