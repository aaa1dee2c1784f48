import Foundation
import GRDB
import Testing

@testable import PNSDoctorCore

/// What a message is, exactly: each of these lost or hid a record in the v3 store.
@Suite("Store identity: versions, exact ids, reused ids, growing logs")
struct StoreIdentityTests {
  typealias Support = StoreTestSupport

  @Test(arguments: Support.Kind.allCases)
  func twoEventsUnderOneKeyWithOtherContentAreBothKept(kind: Support.Kind) throws {
    let store = try kind.make()
    // Two callout events in the same second to different numbers: v3 kept the first only.
    let first = Support.event("callout", session: "v", time: "2024-05-13 05:24:58", called: "+8610100000002")
    let second = Support.event("callout", session: "v", time: "2024-05-13 05:24:58", called: "+8610100000003")
    let statistics = try Support.importText([first, second, first].joined(separator: "\n"), into: store)
    #expect(statistics.new == 2 && statistics.duplicate == 1)
    let summary = try #require(try store.calls(matching: CallQuery()).first)
    #expect(summary.eventCount == 2)
    #expect(summary.extraVersions == 1)
    #expect(try store.rawMessages(rowId: summary.rowId).map(\.json) == [first, second])
    let call = try #require(try store.call(rowId: summary.rowId))
    #expect(call.events.map(\.called) == ["+8610100000002", "+8610100000003"])
  }

  @Test(arguments: Support.Kind.allCases)
  func twoCDRsUnderOneKeyWithOtherContentAreBothKept(kind: Support.Kind) throws {
    let store = try kind.make()
    let first = Support.cdr(session: "w", answered: false, releasePoint: 8104, callee: "+8610100000002")
    let second = Support.cdr(session: "w", answered: false, releasePoint: 8101, callee: "+8610100000009")
    let statistics = try Support.importText(Support.batch([first, second]), into: store)
    #expect(statistics.new == 2 && statistics.duplicate == 0)
    let summary = try #require(try store.calls(matching: CallQuery()).first)
    #expect(summary.extraVersions == 1)
    #expect(summary.detailRecordDeliveries == 1)
    #expect(Set(try store.rawMessages(rowId: summary.rowId).map(\.json)) == [first, second])
  }

  @Test(arguments: Support.Kind.allCases)
  func sessionIdsAreComparedWholeNULsIncluded(kind: Support.Kind) throws {
    let store = try kind.make()
    let text = [
      Support.event("callin", session: "dup\\u0000A", time: "2024-05-13 05:24:57", caller: "+8610000000001"),
      Support.event("callin", session: "dup\\u0000B", time: "2024-05-13 05:24:57", caller: "+8610000000002"),
    ].joined(separator: "\n")
    let statistics = try Support.importText(text, into: store)
    #expect(statistics.new == 2)
    let calls = try store.calls(matching: CallQuery())
    #expect(Set(calls.map(\.sessionId)) == ["dup\u{0}A", "dup\u{0}B"])
    #expect(try store.call(sessionId: "dup\u{0}B")?.caller == "+8610000000002")
    #expect(try store.call(sessionId: "dup") == nil)
  }

  @Test(arguments: ["", "\\u0000", "\\u0000\\u0001 ", "\\u200b"])
  func anEmptyOrInvisibleSessionIdIsRejectedAsMissing(id: String) throws {
    let store = try CallStore.inMemory()
    let text = Support.event("callin", session: id, time: "2024-05-13 05:24:57")
    let statistics = try Support.importText(text, into: store)
    #expect(statistics.read == 0)
    #expect(statistics.rejected == 1)
    #expect(statistics.issues.first?.message(in: .english).contains("sessionId") == true)
    #expect(try store.counts().calls == 0)
  }

  @Test(arguments: Support.Kind.allCases)
  func aSessionIdReusedDaysLaterIsACallOfItsOwnThatEveryViewFinds(kind: Support.Kind) throws {
    let store = try kind.make()
    let answered = [
      Support.event("callin", session: "re", time: "2024-05-13 05:24:57"),
      Support.batch([Support.cdr(session: "re", answered: true)]),
    ]
    let failed = [
      Support.event("callin", session: "re", time: "2024-05-20 09:00:00", caller: "+8610000000077"),
      Support.event("disconnect", session: "re", time: "2024-05-20 09:00:30", caller: "+8610000000077", stateCode: 8104),
    ]
    try Support.importText((answered + failed).joined(separator: "\n"), into: store)
    #expect(try store.counts() == StoreCounts(calls: 2, failedCalls: 1, smsNotifications: 0))
    var query = CallQuery()
    query.failedOnly = true
    #expect(try store.calls(matching: query).map(\.stateCode) == [8104])
    query = CallQuery()
    query.number = "+8610000000077"
    #expect(try store.calls(matching: query).count == 1)
    query = CallQuery()
    query.since = Timestamp.parse("2024-05-19 00:00:00")
    #expect(try store.calls(matching: query).map(\.outcome) == [.failed])
    // Both, newest first, by id; and through the diagnoser.
    #expect(try store.calls(sessionId: "re").map(\.outcome) == [.failed, .answered])
    let diagnoser = InputDiagnoser(knowledge: KnowledgeFixtures.loaded.base, store: store)
    #expect(try diagnoser.diagnoseAll(sessionId: "re").count == 2)
  }

  @Test(arguments: Support.Kind.allCases)
  func aCDRWithAnotherIcidIsAnotherCall(kind: Support.Kind) throws {
    let store = try kind.make()
    let first = Support.cdr(session: "ic", answered: true)
    let other = first.replacingOccurrences(of: "\"icid\":\"icid-ic\"", with: "\"icid\":\"icid-other\"")
    try Support.importText(Support.batch([first, other]), into: store)
    #expect(try store.calls(sessionId: "ic").count == 2)
  }

  @Test func aLogThatStartsShorterThanTheKeyAndGrowsIsStillOneSource() throws {
    let store = try CallStore.inMemory()
    // Its first record is shorter than the 32 bytes sources are first looked up by.
    let short = "{\"resultcode\":\"1011006\"}\n"
    #expect(short.utf8.count < SourceRegistry.keyLength)
    try Support.importText(short, name: "api.log", into: store)
    let grown = short + Support.event("callin", session: "g", time: "2024-05-13 05:24:57") + "\n"
    let statistics = try Support.importText(grown, name: "api.log", into: store)
    #expect(statistics.new == 1)
    #expect(statistics.alreadyStored == 1)
    #expect(statistics.duplicate == 0)
    let deliveries = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT deliveries FROM api_response") }
    #expect(deliveries == 1)
  }

  @Test func anInterruptedImportResumesAfterItsLastStoredRecord() throws {
    let store = try CallStore.inMemory()
    let lines = (0..<9).map { Support.event("callin", session: "r\($0)", time: "2024-05-13 05:24:5\($0)") }
    let text = lines.joined(separator: "\n") + "\n"
    var batches = 0
    // Batches of 3: stopped after the second.
    let stopped = try StoreImporter(store: store, batchSize: 3).importSource(
      InMemoryByteSource(name: "in.log", text: text), shouldStop: { batches += 1; return batches == 2 })
    #expect(stopped.stopped && stopped.new == 6)
    let resumed = try Support.importText(text, name: "in.log", into: store)
    #expect(resumed.alreadyStored == 6 && resumed.new == 3 && resumed.duplicate == 0)
    #expect(try store.counts().calls == 9)
  }

  @Test func aBulkLoadGivesTheStoreAnIncrementalImportGives() throws {
    var bytes: [UInt8] = []
    _ = DemoGenerator(count: 600, seed: 3).generate { bytes += $0 }
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.loaded.base)
    let bulk = try CallStore.inMemory()
    _ = try StoreImporter(store: bulk, engine: engine, batchSize: 97, smallestBulkLoad: 0)
      .importSource(InMemoryByteSource(name: "demo.jsonl", bytes: bytes))
    let incremental = try CallStore.inMemory()
    _ = try StoreImporter(store: incremental, engine: engine, batchSize: 97, smallestBulkLoad: .max)
      .importSource(InMemoryByteSource(name: "demo.jsonl", bytes: bytes))
    var query = CallQuery()
    query.limit = 10_000
    query.order = .oldest
    let left = try bulk.calls(matching: query)
    let right = try incremental.calls(matching: query)
    #expect(left.count == 600)
    #expect(left == right)
    #expect(left.allSatisfy { $0.diagnosis != nil })
    let missing = try bulk.writer.read { db in try StoreIndexes.missing(in: db) }
    #expect(missing.isEmpty)
  }

  @Test func aStoreLeftWithoutItsIndexesGetsThemBackWhenOpened() throws {
    let path = Support.temporaryStorePath()
    let store = try CallStore.open(path: path)
    try Support.importText(Support.event("callin", session: "i", time: "2024-05-13 05:24:57"), into: store)
    // As a bulk load killed before it built them again leaves it.
    try store.writer.write { db in try StoreIndexes.drop(in: db) }
    let reopened = try CallStore.open(path: path)
    #expect(try reopened.writer.read { db in try StoreIndexes.missing(in: db) }.isEmpty)
    #expect(try reopened.counts().calls == 1)
  }

  @Test func aReaderChangesNotAByteOfTheStore() throws {
    let path = Support.temporaryStorePath()
    let store = try CallStore.open(path: path)
    try Support.importText(Support.batch([Support.cdr(session: "b", answered: false, releasePoint: 8104)]), into: store)
    try store.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let reader = try CallStore.openForReading(path: path)
    _ = try reader.calls(matching: CallQuery())
    _ = try reader.call(sessionId: "b")
    _ = try reader.diagnosisStatus(knowledge: KnowledgeFixtures.loaded.base)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(reader.isReadOnly)
  }

  @Test func anEmptyFileIsRefusedByReadersAndLeftEmpty() throws {
    let path = Support.temporaryStorePath()
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    #expect {
      _ = try CallStore.openForReading(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .notAStore
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
  }
}

extension Tag {
  /// Suites and tests that take tens of seconds (`swift test --skip-tag slow` would leave them).
  @Tag static var slow: Self
}

/// The verdict and top rule kept at import, against the full engine run on each call as it is
/// shown, over a whole demo day's worth of variety.
@Suite("Stored diagnoses over a 20,000-call store", .tags(.slow))
struct StoredDiagnosisAtScaleTests {
  @Test func everyStoredVerdictAndTopRuleIsWhatTheFullEngineGives() throws {
    var bytes: [UInt8] = []
    _ = DemoGenerator(count: 20_000, seed: 20).generate { bytes += $0 }
    let path = StoreTestSupport.temporaryStorePath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let store = try CallStore.open(path: path)
    let knowledge = KnowledgeFixtures.loaded.base
    // As `pnsdoctor import` loads a day into a new store: in bulk, indexes built after.
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: knowledge), smallestBulkLoad: 0)
      .importSource(InMemoryByteSource(name: "day.jsonl", bytes: bytes))
    let reader = try CallStore.openForReading(path: path)
    let diagnoser = InputDiagnoser(knowledge: knowledge, store: reader)
    var query = CallQuery()
    query.limit = 100_000
    let calls = try reader.calls(matching: query)
    #expect(calls.count == 20_000)
    var disagreements: [String] = []
    for call in calls {
      guard let stored = call.diagnosis, let fresh = try diagnoser.diagnose(rowId: call.rowId)?.diagnosis else {
        disagreements.append("\(call.sessionId): not diagnosed")
        continue
      }
      if stored.verdict != fresh.verdict || stored.cause?.ruleId != fresh.findings.first?.ruleId {
        disagreements.append(
          "\(call.sessionId): stored \(stored.verdict) \(stored.cause?.ruleId ?? "-"), fresh \(fresh.verdict) \(fresh.findings.first?.ruleId ?? "-")")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count) calls: \(disagreements.prefix(5))")
  }
}
