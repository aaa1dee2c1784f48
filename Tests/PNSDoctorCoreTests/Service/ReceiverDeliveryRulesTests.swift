import Foundation
import Testing

@testable import PNSDoctorCore

/// The receiver's delivery rules (`Knowledge/rules/tenant/receiver-*.yaml`) on what a receiver
/// really wrote to a store: the pushes reach the rules through `InputDiagnoser`, are judged at
/// the moment given, and stay beside the causes. Their own examples run with the others; this
/// checks the wiring, the schedule at its edges, and the loader's messages for the forms.
@Suite("The receiver's delivery rules")
struct ReceiverDeliveryRulesTests {
  static let session = "rdr-1@fake.example"
  /// The call ended at 2026-12-03 08:00:00 UTC; its pushes came from then on.
  static let endMs = Timestamp.parse("2026-12-03 08:00:00")!.millisecondsSince1970

  static func cdr() -> [UInt8] {
    Array(
      #"{"eventType":"fee","feeLst":[{"sessionId":"\#(session)","icid":"i-rdr","callerNum":"+8610912345678","bindNum":"+8610000000021","fwdDstNum":"+8610912345679","callInTime":"2026-12-03 07:58:00","fwdStartTime":"2026-12-03 07:58:01","fwdAnswerTime":"2026-12-03 07:58:06","callEndTime":"2026-12-03 08:00:00","ulFailReason":0,"serviceType":"004"}]}"#
        .utf8)
  }

  static func disconnect() -> [UInt8] {
    Array(
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"\#(session)","timestamp":"2026-12-03 08:00:00","stateCode":0}}"#
        .utf8)
  }

  /// A store holding `pushes` as the receiver writes them.
  static func store(_ pushes: [ReceivedPush]) throws -> CallStore {
    let store = try CallStore.inMemory()
    _ = try PushWriter(store: store, engine: DiagnosisEngine(knowledge: KnowledgeFixtures.base)).write(pushes)
    return store
  }

  static func delivery(_ store: CallStore, minutesAfterEnd minutes: Int64) throws -> [Finding] {
    let now = Timestamp(millisecondsSince1970: endMs + minutes * 60_000)
    let diagnoser = InputDiagnoser(knowledge: KnowledgeFixtures.base, store: store, now: { now })
    return try #require(try diagnoser.diagnose(sessionId: session)).diagnosis.deliveryFindings
  }

  static func failedCDR(atMinute minute: Int64, status: Int? = 500) -> ReceivedPush {
    ReceivedPush(
      receivedMs: endMs + minute * 60_000 + 1_000, method: "POST", path: "/fee", body: cdr(), signature: .verified,
      upstream: .init(status: status, microseconds: 4_000, error: status == nil ? "timed out" : nil))
  }

  @Test("a CDR the customer's receiver refused: next try pending, then due, then given up after the sixth re-push")
  func theScheduleAtItsEdges() throws {
    let twice = try Self.store([Self.failedCDR(atMinute: 0), Self.failedCDR(atMinute: 1, status: nil)])
    // Two failures: retry 2 comes 4 minutes after the first, at 08:04:01.
    let pending = try Self.delivery(twice, minutesAfterEnd: 4)
    let finding = try #require(pending.first { $0.ruleId == "receiver-upstream-cdr-pending" }, "\(pending.map(\.ruleId))")
    #expect(finding.evidence.contains { $0.field == "nextRepush" && $0.value == "2026-12-03 08:04:01 UTC (retry 2 of 6)" })
    #expect(finding.evidence.filter { $0.field.hasPrefix("push #") }.count == 2)
    #expect(finding.evidence.contains { $0.value.contains("upstream timed out") })
    let due = try Self.delivery(twice, minutesAfterEnd: 5).map(\.ruleId)
    #expect(due.contains("receiver-upstream-cdr-due") && !due.contains("receiver-upstream-cdr-pending"), "\(due)")

    let offsets: [Int64] = [0, 1, 4, 9, 106, 203, 300]
    let seven = try Self.store(offsets.map { Self.failedCDR(atMinute: $0) })
    let gone = try Self.delivery(seven, minutesAfterEnd: 301).map(\.ruleId)
    #expect(gone.contains("receiver-upstream-cdr-given-up"), "\(gone)")
    #expect(!gone.contains("receiver-upstream-cdr-pending") && !gone.contains("receiver-upstream-cdr-due"))
    // The store counted seven deliveries of the one CDR: the import-side finding says so too.
    #expect(gone.contains("cdr-push-not-acknowledged"))

    // Refused, then taken at the next try: nothing left to say about the customer's receiver.
    var taken = Self.failedCDR(atMinute: 1)
    taken.upstream = .init(status: 200, microseconds: 3_000, error: nil)
    let late = try Self.delivery(try Self.store([Self.failedCDR(atMinute: 0), taken]), minutesAfterEnd: 2).map(\.ruleId)
    #expect(!late.contains { $0.hasPrefix("receiver-upstream") }, "\(late)")
  }

  @Test("a finished call without a CDR: pending within the window, never arrived after it; none for an imported call")
  func missingCDR() throws {
    let event = ReceivedPush(
      receivedMs: Self.endMs + 500, method: "POST", path: "/status", body: Self.disconnect(), signature: .notChecked)
    let store = try Self.store([event])
    #expect(try Self.delivery(store, minutesAfterEnd: 30).map(\.ruleId) == ["receiver-cdr-pending"])
    #expect(try Self.delivery(store, minutesAfterEnd: 311).map(\.ruleId) == ["receiver-cdr-never-arrived"])
    // The same call imported, not received: no first-hand evidence, no finding.
    let imported = try CallStore.inMemory()
    _ = try StoreTestSupport.importText(String(decoding: Self.disconnect(), as: UTF8.self), into: imported)
    #expect(try Self.delivery(imported, minutesAfterEnd: 311).isEmpty)
  }

  @Test("signature findings rest on the pushes that failed, and are never the call's cause")
  func signaturesBesideTheCauses() throws {
    let store = try Self.store([
      ReceivedPush(
        receivedMs: Self.endMs, method: "POST", path: "/status", body: Self.disconnect(), signature: .digestMismatch),
      ReceivedPush(receivedMs: Self.endMs + 10, method: "POST", path: "/fee", body: Self.cdr(), signature: .unsigned),
    ])
    let now = Timestamp(millisecondsSince1970: Self.endMs + 60_000)
    let result = try #require(
      try InputDiagnoser(knowledge: KnowledgeFixtures.base, store: store, now: { now }).diagnose(sessionId: Self.session))
    let ids = result.diagnosis.deliveryFindings.map(\.ruleId)
    #expect(ids.contains("receiver-signature-mismatch") && ids.contains("receiver-unsigned"), "\(ids)")
    #expect(!result.diagnosis.findings.contains { $0.ruleId.hasPrefix("receiver-") })
    let mismatch = try #require(result.diagnosis.deliveryFindings.first { $0.ruleId == "receiver-signature-mismatch" })
    #expect(mismatch.evidence.map(\.field) == ["push #1"])
    // The stored cause (the list's, --cause's) is untouched by them.
    let summary = try #require(try store.calls(matching: CallQuery()).first)
    #expect(summary.diagnosis?.cause.map { !$0.ruleId.hasPrefix("receiver-") } ?? true)
  }

  private func load(_ condition: String) -> [String] {
    let rule = """
      id: sample-rule
      revision: 1
      title: {en: Sample, zh: 示例}
      category: tenant
      appliesTo: call
      basis: inferred
      delivery: true
      alsoForSuccess: true
      triggers:
        - if: \(condition)
          confidence: 0.9
      cause: {en: Sample., zh: 示例。}
      nextSteps:
        - {en: Look., zh: 查看。}
      examples:
        triggering:
          - name: one
            input: '{"eventType":"disconnect","statusInfo":{"sessionId":"s","timestamp":"2024-05-13 05:26:00","stateCode":0}}'
            pushes:
              - {at: "2024-05-13 05:26:01", kind: event, signature: unsigned}
        nonTriggering:
          - name: two
            input: '{"eventType":"disconnect","statusInfo":{"sessionId":"t","timestamp":"2024-05-13 05:26:00","stateCode":0}}'
      """
    return KnowledgeLoader.load(files: [("rules/tenant/sample-rule.yaml", rule)]).1.map(\.description)
  }

  @Test("the receiver's forms and example pushes say what is wrong, and where")
  func loaderMessages() {
    #expect(load("{pushSignature: [digest-mismatch]}").contains { $0.contains("needs both `pushes` and `now`") })
    #expect(load("{pushSignature: [bogus]}").contains { $0.contains("expected signature checks") && $0.contains("digest-mismatch") })
    #expect(load("{upstreamFailed: {kind: event, repush: pending}}").contains { $0.contains("re-push stage is known for the CDR only") })
    #expect(load("{upstreamFailed: {kind: sms}}").contains { $0.contains("expected event or cdr") })
    #expect(load("{upstreamFailed: {kind: cdr, repush: soon}}").contains { $0.contains("`soon` is not one of: pending, due, givenUp") })
    #expect(load("{cdrMissing: {after: 310m, within: 10m}}").contains { $0.contains("exactly one of after, within") })
    #expect(load("{cdrMissing: {after: forever}}").contains { $0.contains("expected a span such as 310m") })
    #expect(load("{cdrMissing: {after: 310m}}").allSatisfy { !$0.contains("cdrMissing") })
  }
}
