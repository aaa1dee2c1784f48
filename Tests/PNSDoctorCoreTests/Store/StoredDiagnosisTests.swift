import Foundation
import GRDB
import Testing

@testable import PNSDoctorCore

/// The diagnosis each stored call keeps: made at import, equal to a fresh diagnosis, counted
/// the same in SQL as in Swift, and brought up to date when the rules change.
@Suite("Stored diagnoses")
struct StoredDiagnosisTests {
  static let knowledge = KnowledgeFixtures.loaded.base

  /// A store holding `count` calls of demo data, imported with diagnosis in small batches (so
  /// that calls and their neighbours fall into different transactions).
  static func demoStore(count: Int = 600, seed: UInt64 = 7) throws -> CallStore {
    var bytes: [UInt8] = []
    _ = DemoGenerator(count: count, seed: seed).generate { bytes += $0 }
    let store = try CallStore.inMemory()
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: knowledge), batchSize: 97)
      .importSource(InMemoryByteSource(name: "demo.jsonl", bytes: bytes))
    return store
  }

  static func allCalls(_ store: CallStore) throws -> [CallSummary] {
    var query = CallQuery()
    query.limit = 1_000_000
    return try store.calls(matching: query)
  }

  @Test func everyCallKeepsTheDiagnosisAFreshOneGives() throws {
    let store = try Self.demoStore()
    let diagnoser = InputDiagnoser(knowledge: Self.knowledge, store: store)
    let calls = try Self.allCalls(store)
    #expect(calls.count == 600)
    // The counts kept by triggers agree with the rows.
    let counts = try store.counts()
    #expect(counts.calls == 600)
    #expect(counts.failedCalls == calls.filter { $0.outcome == .failed }.count)
    #expect(counts.smsNotifications == (try store.messageCounts().smsNotifications))
    var failedOnly = CallQuery()
    failedOnly.failedOnly = true
    #expect(try store.count(matching: failedOnly) == counts.failedCalls)
    var withCause = 0
    for call in calls {
      let stored = try #require(call.diagnosis, "\(call.sessionId) has no stored diagnosis")
      let fresh = try #require(try diagnoser.diagnose(sessionId: call.sessionId)).diagnosis
      #expect(stored.verdict == fresh.verdict, "\(call.sessionId)")
      #expect(
        stored.findings.map(\.ruleId) == fresh.findings.prefix(3).map(\.ruleId), "\(call.sessionId)")
      #expect(stored.findings.map(\.confidence) == fresh.findings.prefix(3).map(\.confidence))
      if stored.cause != nil { withCause += 1 }
    }
    // The demo's failures are explained; answered calls mostly have no finding.
    #expect(withCause >= calls.filter { $0.outcome == .failed }.count)
  }

  @Test func neighbourCountsInSQLEqualCountsOverTheCallsThemselves() throws {
    let store = try Self.demoStore(count: 400, seed: 11)
    let calls = try Self.allCalls(store).compactMap { try store.call(sessionId: $0.sessionId) }
    // Every pattern the rules use, plus ones that exercise each part of the SQL translation.
    var patterns = Self.knowledge.rules.flatMap { rule in
      (rule.triggers.map(\.condition) + rule.against.map(\.condition)).flatMap(Self.patterns(in:))
    }
    #expect(!patterns.isEmpty)
    patterns += [
      NeighbourPattern(
        window: 7200, sameCaller: false, samePrivacyNumber: true, calleePrefixLength: nil,
        match: .not(.code(field: .ulFailReason, match: .category(.callee))), atLeast: 1),
      NeighbourPattern(
        window: 86400, sameCaller: false, samePrivacyNumber: false, calleePrefixLength: 6,
        match: .all([.code(field: .sipStatusCode, match: .range(400...499)), .not(.code(field: .stateCode, match: .codes([0])))]), atLeast: 1),
      // Not expressible in SQL: checked in Swift on the calls the keys select.
      NeighbourPattern(
        window: 3600, sameCaller: false, samePrivacyNumber: false, calleePrefixLength: 5,
        match: .absent(.answered), atLeast: 1),
    ]
    try store.writer.read { db in
      let counter = StoreNeighbourCounter(db: db, codec: BundleCodec(db: db))
      for pattern in patterns {
        for call in calls.prefix(150) {
          let inSQL = counter.count(pattern, around: call, knowledge: Self.knowledge)
          let inSwift = NeighbourList(calls).count(pattern, around: call, knowledge: Self.knowledge)
          #expect(inSQL == inSwift, "\(pattern) around \(call.sessionId)")
        }
      }
      #expect(counter.error == nil)
    }
  }

  static func patterns(in condition: Condition) -> [NeighbourPattern] {
    switch condition {
    case .all(let parts), .any(let parts): return parts.flatMap(patterns(in:))
    case .not(let inner): return patterns(in: inner)
    case .neighbours(let pattern): return [pattern]
    default: return []
    }
  }

  @Test func aNeighbourStoredInALaterBatchStillCountsForTheFirstCall() throws {
    // Nine calls from one tester into one number block, each rejected (7504), a minute apart:
    // the carrier-blocking pattern. With a batch of 1, the first call is stored before any of
    // its neighbours.
    let records = (0..<9).map { index in
      StoreTestSupport.cdr(
        session: "burst-\(index)", start: "2024-05-13 05:\(10 + index):00", answered: false, releasePoint: 7504,
        q850: 21, sip: 603, caller: "+8610000000009", callee: "+861030000001\(index)")
    }
    let store = try CallStore.inMemory()
    let statistics = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: Self.knowledge), batchSize: 1)
      .importSource(InMemoryByteSource(name: "burst.jsonl", text: records.map { StoreTestSupport.batch([$0]) }.joined(separator: "\n")))
    #expect(statistics.patternCallsRediagnosed > 0)
    let first = try #require(try Self.allCalls(store).first { $0.sessionId == "burst-0" })
    #expect(first.diagnosis?.findings.map(\.ruleId).contains("carrier-blocking") == true)
  }

  @Test func aRuleChangeDiagnosesAgainOnlyTheCallsItConcerns() throws {
    let store = try Self.demoStore(count: 300, seed: 3)
    let engine = DiagnosisEngine(knowledge: Self.knowledge)
    // The first update records the rules the import used; nothing needs diagnosing.
    let first = try store.updateDiagnoses(engine: engine)
    #expect(first.callsDiagnosed == 0 && first.smsDiagnosed == 0)
    #expect(try store.updateDiagnoses(engine: engine) == DiagnosisUpdate())

    // A revised call rule that looks at failures only: every call not answered, and no other.
    var rules = Self.knowledge.rules
    let index = try #require(rules.firstIndex { $0.id == "callee-powered-off" })
    rules[index].revision += 1
    let revised = DiagnosisEngine(knowledge: KnowledgeBase(tables: Self.knowledge.tables, rules: rules))
    let calls = try Self.allCalls(store)
    let notAnswered = calls.filter { $0.diagnosis?.verdict != .ok }.count
    let update = try store.updateDiagnoses(engine: revised)
    #expect(update.knowledgeChanged)
    #expect(update.callsDiagnosed == notAnswered)
    #expect(update.smsDiagnosed == 0)
    let after = try Self.allCalls(store)
    let newRevision = rules[index].revision
    #expect(after.contains { $0.diagnosis?.cause == StoredDiagnosis.Entry(ruleId: "callee-powered-off", revision: newRevision, confidence: $0.diagnosis?.cause?.confidence ?? 0) })

    // A removed rule: the calls it explained are diagnosed again and no longer name it.
    let holders = after.filter { $0.diagnosis?.findings.contains { $0.ruleId == "callee-powered-off" } == true }.count
    #expect(holders > 0)
    let without = DiagnosisEngine(knowledge: KnowledgeBase(tables: Self.knowledge.tables, rules: rules.filter { $0.id != "callee-powered-off" }))
    let removal = try store.updateDiagnoses(engine: without)
    #expect(removal.callsDiagnosed == holders)
    #expect(try Self.allCalls(store).allSatisfy { $0.diagnosis?.findings.contains { $0.ruleId == "callee-powered-off" } != true })
  }

  @Test func aChangedCodeCategoryOrARuleMovedToSMSIsNoticed() throws {
    let store = try Self.demoStore(count: 150, seed: 13)
    let base = Self.knowledge
    _ = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: base))
    // A code's category decides what `category:` conditions match: every diagnosis is redone.
    var tables = base.tables
    let index = try #require(tables.firstIndex { $0.fields.contains("stateCode") })
    let code = try #require(tables[index].entries.keys.first { $0 != 0 })
    let before = tables[index].entries[code]?.category
    tables[index].entries[code]?.category = before == .platform ? .network : .platform
    let recategorised = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: KnowledgeBase(tables: tables, rules: base.rules)))
    #expect(recategorised.knowledgeChanged)
    #expect(recategorised.callsDiagnosed == 150)
    #expect(recategorised.smsDiagnosed == (try store.counts().smsNotifications))

    // A call rule that now applies to SMS: the calls it was a finding of lose it.
    var rules = base.rules
    let moved = try #require(rules.firstIndex { $0.id == "callee-busy" })
    let holders = try Self.allCalls(store).filter { $0.diagnosis?.findings.contains { $0.ruleId == "callee-busy" } == true }
    #expect(!holders.isEmpty)
    rules[moved].appliesTo = .sms
    _ = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: KnowledgeBase(tables: tables, rules: rules)))
    #expect(try Self.allCalls(store).allSatisfy { $0.diagnosis?.findings.contains { $0.ruleId == "callee-busy" } != true })
  }

  @Test func callsImportedWithoutKnowledgeAreDiagnosedWhenTheStoreIsUpdated() throws {
    var bytes: [UInt8] = []
    _ = DemoGenerator(count: 120, seed: 5).generate { bytes += $0 }
    let store = try CallStore.inMemory()
    _ = try StoreImporter(store: store).importSource(InMemoryByteSource(name: "demo.jsonl", bytes: bytes))
    #expect(try Self.allCalls(store).allSatisfy { $0.diagnosis == nil })
    let update = try store.updateDiagnoses(engine: DiagnosisEngine(knowledge: Self.knowledge))
    #expect(update.callsDiagnosed == 120)
    #expect(update.smsDiagnosed == (try store.counts().smsNotifications))
    #expect(try Self.allCalls(store).allSatisfy { $0.diagnosis != nil })
  }

  @Test func numberSearchThroughTheIndexFindsWhatAScanFinds() throws {
    let store = try Self.demoStore(count: 500, seed: 9)
    let calls = try Self.allCalls(store)
    let samples = calls.prefix(40).compactMap(\.caller).map { String($0.filter(\.isNumber).dropFirst(5).prefix(4)) }
      + calls.prefix(20).compactMap(\.callee).map { String($0.filter(\.isNumber).suffix(6)) } + ["861", "999999", "10", "7", "0", "000", "1201", String(calls[0].sessionId.prefix(8)), calls[1].sessionId]
    for digits in samples {
      var query = CallQuery()
      query.limit = 1_000_000
      query.search = digits
      let found = Set(try store.calls(matching: query).map(\.sessionId))
      let code = Int(digits)
      let expected = Set(
        calls.filter { call in
          (digits.count >= 3 && [call.caller, call.callee, call.privacyNumber].contains { $0?.contains(digits) == true })
            || call.sessionId == digits
            || (digits.count <= 7 && code != 0
              && [call.stateCode, call.releasePoint, call.q850Cause, call.callOutQ850Cause, call.sipStatus].contains(code))
        }.map(\.sessionId))
      #expect(found == expected, "search \(digits)")
      #expect(try store.count(matching: query) == expected.count)
      // The list's page query gives the same calls in the same order, and the same total.
      var paged = query
      paged.limit = 25
      paged.offset = 3
      let page = try store.page(matching: paged, countingUpTo: 1_000_000)
      #expect(page.rows.map(\.sessionId) == Array(try store.calls(matching: query).map(\.sessionId).dropFirst(3).prefix(25)))
      #expect(page.total == expected.count && !page.totalIsLowerBound)
      if expected.count > 2 {
        let bounded = try store.page(matching: paged, countingUpTo: 2)
        #expect(bounded.total == 2 && bounded.totalIsLowerBound)
      }
      // Both plans (driven by the matches, or by the list's order) give the same calls.
      for selective in [true, false] {
        var planned = query
        planned.failedOnly = true
        planned.searchIsSelective = selective
        let (sql, arguments) = planned.sql()
        let failed = try store.writer.read { db in
          try Int64.fetchAll(db, sql: "SELECT id FROM (\(sql))", arguments: arguments)
        }
        #expect(Set(failed) == Set(calls.filter { expected.contains($0.sessionId) && $0.outcome == .failed }.map(\.rowId)))
      }
    }
  }
}
