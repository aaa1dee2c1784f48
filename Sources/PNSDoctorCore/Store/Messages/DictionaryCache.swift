import Foundation

/// The store's committed zstd dictionaries, loaded once and shared by every read of a store.
final class DictionaryCache: @unchecked Sendable {
  private let lock = NSLock()
  private var dictionaries: [Int64: ZstdDictionary] = [:]

  func dictionary(id: Int64) -> ZstdDictionary? {
    lock.withLock { dictionaries[id] }
  }

  func keep(_ dictionary: ZstdDictionary) {
    lock.withLock { dictionaries[dictionary.id] = dictionary }
  }
}
