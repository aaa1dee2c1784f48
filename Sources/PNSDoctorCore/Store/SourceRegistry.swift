import Foundation
import GRDB

/// Recognises inputs already imported, so that a record found again at the same place of the
/// same content is the same delivery (a repeated import), while the same record elsewhere is a
/// new one (a re-push).
///
/// An input is the same source as a stored one when one head is a prefix of the other: the same
/// file imported twice, a copy of it, the same bytes through a pipe, or a log that has grown
/// since. Candidates are found by the hash of the first 32 bytes, which no growth changes (no
/// record is shorter than that), then the heads are compared byte for byte.
enum SourceRegistry {
  /// How many first bytes of an input are kept to recognise it.
  static let headLength = 64 << 10
  static let keyLength = 32

  /// The id of the source `head` belongs to, creating it when it is new.
  static func sourceId(head: [UInt8], name: String, in db: Database) throws -> Int64 {
    let key = FNV1a.hexDigest(of: Array(head.prefix(keyLength)))
    let candidates = try Row.fetchAll(db, sql: "SELECT id, head FROM source WHERE head_key = ?", arguments: [key])
    for candidate in candidates {
      let stored: [UInt8] = (candidate["head"] as Data?).map { Array($0) } ?? []
      let common = min(stored.count, head.count)
      guard stored.prefix(common).elementsEqual(head.prefix(common)) else { continue }
      let id: Int64 = candidate["id"]
      if head.count > stored.count {
        try db.execute(sql: "UPDATE source SET head = ? WHERE id = ?", arguments: [Data(head), id])
      }
      return id
    }
    try db.execute(
      sql: "INSERT INTO source (fingerprint, name, first_imported_ms, head_key, head) VALUES (?, ?, ?, ?, ?)",
      arguments: [
        FNV1a.hexDigest(of: head) + "-" + UUID().uuidString, name, Int64(Date().timeIntervalSince1970 * 1000), key,
        Data(head),
      ])
    return db.lastInsertedRowID
  }
}
