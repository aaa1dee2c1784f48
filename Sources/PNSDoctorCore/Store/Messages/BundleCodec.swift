import Foundation
import GRDB

/// Compresses and decompresses call bundles for one transaction or one read, with the store's
/// dictionaries.
///
/// Dictionaries never change once committed, so readers share them through a `DictionaryCache`;
/// a writer keeps its own (one it trains may yet be rolled back, and its id reused).
final class BundleCodec {
  /// How many calls a dictionary is trained on: the store's first ones. (2,000 calls of demo
  /// data, 4 MB, train a 64 KB dictionary in about 0.2 s; a store with fewer calls keeps them
  /// compressed without one.)
  static let trainingCalls = 2000

  private let db: Database
  private let shared: DictionaryCache?
  private var local: [Int64: ZstdDictionary] = [:]
  private var compressor: ZstdCompressor?
  private var decompressor: ZstdDecompressor?
  private var latest: ZstdDictionary??

  init(db: Database, shared: DictionaryCache? = nil) {
    self.db = db
    self.shared = shared
  }

  /// Why a bundle cannot be read.
  struct Damage: Error, CustomStringConvertible {
    var description: String
  }

  /// The bundle decompressed, as `MessageBundle` lays it out.
  func decompress(dictionaryId: Int64, bundle: [UInt8]) throws -> [UInt8] {
    let dictionary = dictionaryId == 0 ? nil : try self.dictionary(id: dictionaryId)
    if dictionaryId != 0 && dictionary == nil { throw Damage(description: "dictionary \(dictionaryId) is missing") }
    if decompressor == nil { decompressor = try ZstdDecompressor() }
    guard let decompressor else { return [] }
    return try decompressor.decompress(bundle, dictionary: dictionary)
  }

  func messages(dictionaryId: Int64, bundle: [UInt8]) throws -> (sessionId: String, messages: [StoredMessage]) {
    try MessageBundle.decode(try decompress(dictionaryId: dictionaryId, bundle: bundle))
  }

  func compressEncoded(_ encoded: [UInt8]) throws -> (dictionaryId: Int64, bytes: [UInt8]) {
    if compressor == nil { compressor = try ZstdCompressor() }
    guard let compressor else { return (0, encoded) }
    let dictionary = try newest()
    return (dictionary?.id ?? 0, try compressor.compress(encoded, dictionary: dictionary))
  }

  /// Whether the store has a dictionary to compress with.
  var hasDictionary: Bool {
    get throws { try newest() != nil }
  }

  /// Trains a dictionary on `samples` (encoded bundles) and keeps it in the store; later
  /// bundles of this codec use it. No dictionary when zstd finds too little to learn.
  func train(on samples: [[UInt8]]) throws {
    let total = samples.reduce(0) { $0 + $1.count }
    let capacity = min(64 << 10, max(4 << 10, total / 16))
    guard let bytes = ZstdDictionary.train(samples: samples, capacity: capacity) else { return }
    try db.execute(
      sql: "INSERT INTO dictionary (trained_on, bytes) VALUES (?, ?)", arguments: [samples.count, Data(bytes)])
    let id = db.lastInsertedRowID
    guard let dictionary = ZstdDictionary(id: id, bytes: bytes) else { return }
    local[id] = dictionary
    latest = .some(dictionary)
  }

  private func newest() throws -> ZstdDictionary? {
    if let latest { return latest }
    let id = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM dictionary")
    let found = try id.flatMap { try dictionary(id: $0) }
    latest = .some(found)
    return found
  }

  private func dictionary(id: Int64) throws -> ZstdDictionary? {
    if let found = local[id] ?? shared?.dictionary(id: id) { return found }
    guard let data = try Data.fetchOne(db, sql: "SELECT bytes FROM dictionary WHERE id = ?", arguments: [id]),
      let dictionary = ZstdDictionary(id: id, bytes: Array(data))
    else { return nil }
    if let shared { shared.keep(dictionary) } else { local[id] = dictionary }
    return dictionary
  }
}
