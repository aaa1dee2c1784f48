import Foundation
import GRDB
import PNSDoctorCore

/// The store target: a stored call whose compressed bundle is replaced by the fuzzer's bytes,
/// then read as every command reads it (the call, its raw messages, its diagnosis, the list that
/// shows its session id). A damaged bundle must be an error for that call, never a crash.
///
/// An input is `[dictionary, row, bundle…]`: the first byte picks the dictionary the bundle is
/// said to use (none, the store's trained one, or one that does not exist), the second which
/// of the first 64 calls it replaces, the rest is the blob. The store is built once per run:
/// 2,500 demo calls (enough for zstd to train a dictionary, so later bundles use it) and every
/// test fixture. When `PNSDOCTOR_FUZZ_SEEDS` names a folder, the store's own bundles are
/// written there in that form, as seeds: real zstd frames, with and without the dictionary.
final class StoreDecoderTarget: @unchecked Sendable {
  static let shared = StoreDecoderTarget()

  /// The run's own folder, removed at exit (libFuzzer ends the process without returning).
  private static let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("pnsdoctor-fuzz-store-\(getpid())")

  private let store: CallStore
  private let writer: DatabaseQueue
  private let diagnoser: InputDiagnoser
  private let rowIds: [Int64]
  private let dictionaryId: Int64

  private init() {
    let folder = Self.folder
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("store.sqlite").path
    do {
      let knowledge = FuzzKnowledge.shared.base
      try Self.build(path, knowledge: knowledge)
      store = try CallStore.open(path: path)
      writer = try DatabaseQueue(path: path)
      (rowIds, dictionaryId) = try writer.read { db in
        (
          try Int64.fetchAll(db, sql: "SELECT call_id FROM call_messages ORDER BY call_id LIMIT 64"),
          try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM dictionary") ?? 0
        )
      }
      diagnoser = InputDiagnoser(knowledge: knowledge, store: store)
      if let seeds = ProcessInfo.processInfo.environment["PNSDOCTOR_FUZZ_SEEDS"] { try writeSeeds(to: seeds) }
    } catch {
      fatalError("pnsdoctor-fuzz store: cannot build the store to damage: \(error)")
    }
    atexit { try? FileManager.default.removeItem(at: StoreDecoderTarget.folder) }
  }

  /// Imports the demo calls and the fixtures through a store of its own, closed before the
  /// runs begin: its connection's cached statements keep their last bound values, which
  /// LeakSanitizer would report at exit as leaked.
  private static func build(_ path: String, knowledge: KnowledgeBase) throws {
    let importer = StoreImporter(store: try CallStore.open(path: path), engine: DiagnosisEngine(knowledge: knowledge))
    var demo: [UInt8] = []
    _ = DemoGenerator(count: 2500, seed: 11).generate { demo.append(contentsOf: $0) }
    _ = try importer.importSource(InMemoryByteSource(name: "demo", bytes: demo))
    for fixture in fixtures() {
      guard let source = try? FileDescriptorByteSource(path: fixture) else { continue }
      _ = try importer.importSource(source)
    }
  }

  func run(_ bytes: [UInt8]) {
    guard bytes.count >= 2, !rowIds.isEmpty else { return }
    let dictionary: Int64 =
      switch bytes[0] % 3 {
      case 0: 0
      case 1: dictionaryId
      default: dictionaryId + 1000
      }
    let rowId = rowIds[Int(bytes[1]) % rowIds.count]
    do {
      try writer.write { db in
        try db.execute(
          sql: "UPDATE call_messages SET dictionary_id = ?, bundle = ? WHERE call_id = ?",
          arguments: [dictionary, Data(bytes.dropFirst(2)), rowId])
      }
    } catch {
      fatalError("pnsdoctor-fuzz store: cannot write the damaged bundle: \(error)")
    }
    // Each must return or throw a StoreError; what they return is not judged here.
    _ = try? store.call(rowId: rowId)
    _ = try? store.rawMessages(rowId: rowId)
    _ = try? diagnoser.diagnose(rowId: rowId)
    var query = CallQuery()
    query.limit = 70
    _ = try? store.calls(matching: query)
  }

  /// The test fixtures, when run from the package's folder (as `.ci/fuzz` does).
  private static func fixtures() -> [String] {
    let root = ProcessInfo.processInfo.environment["PNSDOCTOR_FUZZ_FIXTURES"] ?? "Tests/PNSDoctorCoreTests/Fixtures"
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    return walker.compactMap { $0 as? String }.sorted().map { root + "/" + $0 }.filter { path in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
  }

  private func writeSeeds(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let rows = try writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT call_id, dictionary_id, bundle FROM call_messages WHERE call_id IN (\(rowIds.map(String.init).joined(separator: ",")))")
    }
    for row in rows {
      let rowId: Int64 = row["call_id"]
      let usedDictionary: Int64 = row["dictionary_id"]
      guard let index = rowIds.firstIndex(of: rowId) else { continue }
      let bundle: Data = row["bundle"]
      let seed = Data([usedDictionary == 0 ? 0 : 1, UInt8(index)]) + bundle
      try seed.write(to: URL(fileURLWithPath: folder).appendingPathComponent("stored-\(rowId)"))
    }
    // Bundles without a dictionary: a store of the fixtures alone is too small to train one.
    let plainPath = Self.folder.appendingPathComponent("plain.sqlite").path
    do {
      let plain = try CallStore.open(path: plainPath)
      for fixture in Self.fixtures() {
        guard let source = try? FileDescriptorByteSource(path: fixture) else { continue }
        _ = try StoreImporter(store: plain).importSource(source)
      }
    }
    let plainRows = try DatabaseQueue(path: plainPath).read { db in
      try Data.fetchAll(db, sql: "SELECT bundle FROM call_messages WHERE dictionary_id = 0 ORDER BY call_id LIMIT 64")
    }
    for (index, bundle) in plainRows.enumerated() {
      let seed = Data([0, UInt8(index)]) + bundle
      try seed.write(to: URL(fileURLWithPath: folder).appendingPathComponent("plain-\(index)"))
    }
  }
}
