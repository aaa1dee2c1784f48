import Foundation
import GRDB

/// Compresses and decompresses call bundles for one transaction or one read, with the store's
/// dictionaries.
///
/// Dictionaries never change once committed, so every read and write of a store shares them
/// through its `DictionaryCache` (making one from its bytes costs milliseconds). A writer
/// checks the bytes of a shared one against the store's own before using it: one trained by a
/// transaction that was rolled back may have left its id to another.
final class BundleCodec {
  /// How many calls a dictionary is trained on: the store's first ones. (2,000 calls of demo
  /// data, 4 MB, train a 64 KB dictionary in about 0.2 s; a store with fewer calls keeps them
  /// compressed without one.)
  static let trainingCalls = 2000

  private let db: Database
  private let shared: DictionaryCache?
  private let verifying: Bool
  private var local: [Int64: ZstdDictionary] = [:]
  private var compressor: ZstdCompressor?
  private var decompressor: ZstdDecompressor?
  private var latest: ZstdDictionary??
  /// Dictionaries this transaction trained: not shared until committed.
  private var trainedHere: Set<Int64> = []

  /// - Parameter verifying: for a writer: a shared dictionary is used only when the store
  ///   holds the same bytes under its id.
  init(db: Database, shared: DictionaryCache? = nil, verifying: Bool = false) {
    self.db = db
    self.shared = shared
    self.verifying = verifying
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
    // 16 KB: on the demo data a larger one compresses no better at this level (measured with
    // 16, 32, 64 and 110 KB) and costs more to use.
    let capacity = min(16 << 10, max(4 << 10, total / 16))
    guard let bytes = ZstdDictionary.train(samples: samples, capacity: capacity) else { return }
    try db.execute(
      sql: "INSERT INTO dictionary (trained_on, bytes) VALUES (?, ?)", arguments: [samples.count, Data(bytes)])
    let id = db.lastInsertedRowID
    guard let dictionary = ZstdDictionary(id: id, bytes: bytes) else { return }
    trainedHere.insert(id)
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
    if let found = local[id] { return found }
    if !verifying, let found = shared?.dictionary(id: id) { return found }
    guard let data = try Data.fetchOne(db, sql: "SELECT bytes FROM dictionary WHERE id = ?", arguments: [id]) else {
      return nil
    }
    let bytes = Array(data)
    if let found = shared?.dictionary(id: id), found.bytes == bytes {
      local[id] = found
      return found
    }
    guard let dictionary = ZstdDictionary(id: id, bytes: bytes) else { return nil }
    local[id] = dictionary
    // One this transaction trained may yet be rolled back: it is shared once a later one
    // finds it committed.
    if !trainedHere.contains(id) { shared?.keep(dictionary) }
    return dictionary
  }
}
