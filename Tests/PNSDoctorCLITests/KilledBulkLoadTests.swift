import Foundation
import GRDB
import Testing

/// An input big enough to be loaded in bulk (the store's indexes dropped while it loads and
/// built after) is killed in the middle: the store must still answer readers, and importing the
/// input again must leave it as one clean import builds it, indexes and diagnoses included.
@Suite("A killed bulk load", .tags(.slow))
struct KilledBulkLoadTests {
  /// What a store's calls were diagnosed as, in input order.
  private static func diagnoses(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT session_hash || ' ' || COALESCE(verdict, '-') || ' ' || COALESCE(cause_rule, '-')
            || ' ' || diagnosis_state FROM calls ORDER BY id
          """)
    }
  }

  private static func indexes(_ path: String) throws -> Set<String> {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
      Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    }
  }

  @Test func aKilledBulkLoadAnswersReadersAndReimportEqualsACleanImport() throws {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("pushes.jsonl").path
    // 17,000 demo calls make about 37 MB, above the 32 MiB from which a load goes in bulk.
    let demo = try CommandRunner.run(["demo", "--count", "17000", "--seed", "4", "--out", data])
    try #require(demo.status == 0, "\(demo.errors)")
    let size = try #require(try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int)
    try #require(size >= 32 << 20, "the demo input (\(size) bytes) is too small for a bulk load")

    let clean = folder.appendingPathComponent("clean.sqlite").path
    let cleanImport = try CommandRunner.run(["import", data, "--store", clean])
    try #require(cleanImport.status == 0, "\(cleanImport.errors)")

    let store = folder.appendingPathComponent("killed.sqlite").path
    let (process, output, errors) = try CommandRunner.start(["import", data, "--store", store])
    let drains = (PipeDrain(output), PipeDrain(errors))
    let started = StoreSnapshot.waitForFirstBatch(store, of: process)
    try #require(started && process.isRunning, "the import finished before it could be killed")
    // Mid-load: the indexes a bulk load drops are gone.
    let during = try Self.indexes(store)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    _ = (drains.0.wait(), drains.1.wait())
    #expect(during.isStrictSubset(of: try Self.indexes(clean)), "no index was dropped: not a bulk load")

    // A reader opens the store as it was left (read-only: it builds nothing) and lists calls.
    let listed = try CommandRunner.run(["calls", "--store", store, "--failed", "--format", "json"])
    #expect(listed.status == 0, "\(listed.errors)")
    let rows = try? JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [Any]
    #expect((rows?.count ?? 0) > 0, "\(listed.output.prefix(200))")

    let resumed = try CommandRunner.run(["import", data, "--store", store])
    #expect(resumed.status == 0, "\(resumed.errors)")
    try StoreSnapshot.expectWhole(store)
    #expect(try StoreSnapshot(store) == StoreSnapshot(clean))
    #expect(try Self.indexes(store) == Self.indexes(clean))
    #expect(try Self.diagnoses(store) == Self.diagnoses(clean))
  }
}

extension Tag {
  /// Suites that take tens of seconds.
  @Tag static var slow: Self
}
