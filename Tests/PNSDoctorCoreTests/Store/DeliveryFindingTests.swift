import Testing

@testable import PNSDoctorCore

/// A re-pushed CDR says how the receiver answered the platform, not why the call failed: its
/// finding stays beside the causes, out of the stored cause, `--cause` and Stats' causes.
@Suite("Delivery findings kept apart from causes")
struct DeliveryFindingTests {
  typealias Support = StoreTestSupport

  @Test func aRePushedRejectedCallKeepsItsRejectionAsTheCause() throws {
    let store = try CallStore.inMemory()
    let rejected = Support.batch([
      Support.cdr(session: "r-1", answered: false, releasePoint: 7504, q850: 21, sip: 603)
    ])
    let answered = Support.batch([Support.cdr(session: "a-1", answered: true)])
    // Each push twice, on lines of their own: the platform re-pushed both.
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    let imported = try StoreImporter(store: store, engine: engine).importSource(
      InMemoryByteSource(name: "pushes.log", text: [rejected, answered, rejected, answered].joined(separator: "\n")))
    // Two new CDRs, and each again: re-pushes are deliveries, not new messages.
    #expect(imported.new == 2 && imported.duplicate == 2)
    let diagnoser = InputDiagnoser(knowledge: KnowledgeFixtures.base, store: store)

    let summaries = try store.calls(matching: CallQuery())
    let rejectedRow = try #require(summaries.first { $0.sessionId == "r-1" })
    let answeredRow = try #require(summaries.first { $0.sessionId == "a-1" })
    #expect(rejectedRow.detailRecordDeliveries == 2 && answeredRow.detailRecordDeliveries == 2)
    // The list's cause: the rejection; an answered call has none at all.
    #expect(rejectedRow.diagnosis?.cause?.ruleId == "callee-rejected")
    #expect(answeredRow.diagnosis?.cause == nil)

    let diagnosis = try #require(try diagnoser.diagnose(rowId: rejectedRow.rowId)).diagnosis
    #expect(diagnosis.findings.first?.ruleId == "callee-rejected")
    #expect(!diagnosis.findings.contains { $0.ruleId == "cdr-push-not-acknowledged" })
    #expect(diagnosis.deliveryFindings.map(\.ruleId) == ["cdr-push-not-acknowledged"])

    // --cause does not find calls by a delivery finding; Stats counts them on a line of their own.
    var query = CallQuery()
    query.causes = ["cdr-push-not-acknowledged"]
    #expect(try store.calls(matching: query).isEmpty)
    let statistics = try store.failureStatistics()
    #expect(!statistics.byCause.contains { $0.ruleId == "cdr-push-not-acknowledged" })
    #expect(statistics.rePushedCalls == 2)
  }

  @Test func theSameCDRTwiceInOneFeeListIsOneDeliveryAndAnotherPushIsASecond() throws {
    let store = try CallStore.inMemory()
    let record = Support.cdr(session: "m-1", answered: false, releasePoint: 7504, q850: 21, sip: 603)
    // A merged push carrying the record twice (beside another call's record).
    let merged = Support.batch([record, Support.cdr(session: "m-2", answered: true), record])
    let first = try Support.importText(merged, into: store)
    #expect(first.new == 2 && first.duplicate == 1)
    #expect(try store.detailRecordDeliveries(sessionId: "m-1") == 1)
    // The platform pushing it again, on its own: that is a re-push.
    try Support.importText(merged + "\n" + Support.batch([record]), name: "grown.log", into: store)
    #expect(try store.detailRecordDeliveries(sessionId: "m-1") == 2)
  }
}
