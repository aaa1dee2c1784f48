import Foundation
import Testing

@testable import PNSDoctorCore

/// The receiver's first-hand evidence about one call's delivery, beside its causes.
@Suite("Delivery evidence from the receiver")
struct DeliveryEvidenceTests {
  static let end = Timestamp(millisecondsSince1970: 1_796_284_800_000)

  static func call() -> Call {
    let event = CallEvent(
      eventType: .disconnect, eventTypeInferred: false, sessionId: "de-1@fake.example", timestamp: end)
    return Call(sessionId: "de-1@fake.example", events: [event], detailRecord: nil, detailRecordDeliveries: 0)
  }

  static func push(
    _ id: Int64, kind: String, at ms: Int64, upstream: Int? = 200, error: String? = nil,
    signature: PushSignatureCheck = .verified
  ) -> ReceiverReport.Push {
    ReceiverReport.Push(
      id: id, receivedMs: ms, method: "POST", path: "/x", kinds: [kind], disposition: .stored, signature: signature,
      answeredStatus: upstream ?? 502, reason: nil, upstreamStatus: upstream, upstreamMicroseconds: 1000,
      upstreamError: error)
  }

  static let format: @Sendable (Timestamp) -> String = { TimeDisplay.utc.format($0) }

  @Test("no push seen: no finding (first-hand only)")
  func nothingWithoutPushes() {
    let evidence = DeliveryEvidence.assess(call: Self.call(), pushes: [], nowMs: Self.end.millisecondsSince1970 + 86_400_000, format: Self.format)
    #expect(evidence.findings.isEmpty)
  }

  @Test("an event the customer's receiver answered 500 twice: the third try's time; after six failures: given up")
  func upstreamFailuresFollowTheSchedule() {
    let first = Self.end.millisecondsSince1970
    let twice = [Self.push(1, kind: "event", at: first, upstream: 500), Self.push(2, kind: "event", at: first + 60_000, upstream: 500)]
    let soon = DeliveryEvidence.assess(call: Self.call(), pushes: twice, nowMs: first + 90_000, format: Self.format)
    let finding = try! #require(soon.findings.first { $0.id == "receiver-upstream-event" })
    #expect(finding.text.english.contains("answered HTTP 500 to 2 call event push(es)"))
    // Second failure: the next is retry 2, 4 minutes after the first attempt.
    #expect(finding.nextStep?.english.contains("at \(Self.format(Timestamp(millisecondsSince1970: first + 240_000))) (retry 2 of 6)") == true)
    #expect(finding.pushIds == [1, 2])
    let seven = (0..<7).map { Self.push(Int64($0), kind: "event", at: first + Int64($0) * 60_000, upstream: nil, error: "refused") }
    let late = DeliveryEvidence.assess(call: Self.call(), pushes: seven, nowMs: first + 400 * 60_000, format: Self.format)
    #expect(late.findings.first { $0.id == "receiver-upstream-event" }?.nextStep?.english.contains("given up") == true)
  }

  @Test("a finished call without a CDR: still expected within the window, lost after it")
  func missingCDR() {
    let pushes = [Self.push(1, kind: "event", at: Self.end.millisecondsSince1970)]
    let within = DeliveryEvidence.assess(
      call: Self.call(), pushes: pushes, nowMs: Self.end.millisecondsSince1970 + 3_600_000, format: Self.format)
    #expect(within.findings.map(\.id) == ["receiver-cdr-pending"])
    let after = DeliveryEvidence.assess(
      call: Self.call(), pushes: pushes, nowMs: Self.end.millisecondsSince1970 + DeliveryEvidence.cdrWindowMs + 1,
      format: Self.format)
    #expect(after.findings.map(\.id) == ["receiver-cdr-never-arrived"])
    #expect(after.diagnosisFindings.first?.nextSteps.first?.chinese.contains("业务详单") == true)
  }

  @Test("signatures that did not verify, or were missing, are said with the pushes they rest on")
  func signatures() {
    let pushes = [
      Self.push(1, kind: "event", at: 0, signature: .digestMismatch), Self.push(2, kind: "event", at: 1, signature: .unsigned),
    ]
    let evidence = DeliveryEvidence.assess(call: Self.call(), pushes: pushes, nowMs: 0, format: Self.format)
    #expect(evidence.findings.map(\.id).prefix(2) == ["receiver-signature-mismatch", "receiver-unsigned"])
    #expect(evidence.diagnosisFindings.first?.evidence.map(\.field) == ["push #1"])
  }
}
