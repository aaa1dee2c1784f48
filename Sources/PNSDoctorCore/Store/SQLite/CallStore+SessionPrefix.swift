import Foundation
import GRDB

extension CallStore {
  /// The distinct session ids starting with `prefix`, sorted: at most `limit + 1`, the one
  /// more saying that there are more than `limit`. The
  /// store keeps ids inside the compressed bundles (the calls table holds only their hash), so
  /// this reads every bundle's head: seconds on millions of calls, meant for the rare lookup by
  /// a partly copied id, not for the list.
  public func sessionIds(startingWith prefix: String, limit: Int) throws(StoreError) -> [String] {
    do {
      return try writer.read { db in
        let codec = BundleCodec(db: db, shared: dictionaries)
        var found: Set<String> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT call_id, dictionary_id, bundle FROM call_messages")
        while let row = try rows.next() {
          let bundle: Data = row["bundle"]
          let id: String
          do {
            id = try MessageBundle.sessionId(
              in: try codec.decompress(dictionaryId: row["dictionary_id"], bundle: Array(bundle)))
          } catch {
            throw CallReader.Damage(rowId: row["call_id"], detail: "\(error)")
          }
          if id.hasPrefix(prefix) {
            found.insert(id)
            if found.count > limit { break }
          }
        }
        return found.sorted()
      }
    } catch {
      throw Self.translate(error, path: path)
    }
  }
}
