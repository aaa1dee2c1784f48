import Testing

@testable import PNSDoctorCore

/// The engine on a small knowledge base built here, so that these tests do not move when the
/// real rules change.
@Suite("Diagnosis engine")
struct DiagnosisEngineTests {
  static let knowledge: KnowledgeBase = {
    let table = """
      table: hangup-cause
      title: {en: Hang-up cause, zh: 挂机原因值}
      fields: [stateCode]
      source: test
      codes:
        - {code: 0, category: normal, status: verified, meaning: {en: Normal., zh: 正常。}}
        - {code: 8104, category: callee, status: verified, meaning: {en: Callee off., zh: 被叫关机。}}
        - {code: 7504, category: callee, status: verified, meaning: {en: Rejected., zh: 被拒。}}
        - {code: 8010, category: tenant, status: verified, meaning: {en: Max duration., zh: 超过最大时长。}}
      """
    func rule(_ id: String, _ body: String, alsoForSuccess: Bool = false) -> (String, String) {
      (
        "rules/callee/\(id).yaml",
        """
        id: \(id)
        revision: 3
        title: {en: \(id), zh: \(id)}
        category: callee
        appliesTo: call
        basis: inferred
        alsoForSuccess: \(alsoForSuccess)
        \(body)
        cause: {en: Because., zh: 因为。}
        nextSteps: [{en: Do it., zh: 去做。}]
        examples: {triggering: [], nonTriggering: []}
        """
      )
    }
    let files = [
      ("codes/hangup-cause.yaml", table),
      rule(
        "powered-off",
        """
        triggers:
          - {if: {code: {field: stateCode, in: [8104]}}, confidence: 0.5}
          - {if: {absent: alerting}, confidence: 0.5}
        against:
          - {if: {present: alerting}, factor: 0.1}
        """),
      rule(
        "burst",
        """
        triggers:
          - if:
              all:
                - code: {field: stateCode, in: [7504]}
                - neighbours: {within: 10m, sameCaller: true, calleePrefix: 8, atLeast: 2, match: {code: {field: stateCode, in: [7504]}}}
            confidence: 0.7
        """),
      rule(
        "cut-off", "triggers: [{if: {code: {field: stateCode, in: [8010]}}, confidence: 0.8}]", alsoForSuccess: true),
    ]
    let (base, issues) = KnowledgeLoader.load(files: files)
    precondition(issues.isEmpty, "\(issues)")
    return base
  }()

  private func disconnect(
    _ session: String, _ code: Int, at time: String = "2024-05-13 05:25:41", caller: String = "+8610000000001",
    callee: String = "+8610580000001"
  ) -> [CallEvent] {
    [
      CallEvent(
        eventType: .callOut, sessionId: session, timestamp: Timestamp.parse(time), caller: "+8612000000001",
        called: callee),
      CallEvent(
        eventType: .disconnect, sessionId: session, timestamp: Timestamp.parse(time), caller: caller, called: callee,
        stateCode: code),
    ]
  }

  private func call(
    _ session: String, _ code: Int, at time: String = "2024-05-13 05:25:41", callee: String = "+8610580000001"
  ) -> Call {
    Call(sessionId: session, events: disconnect(session, code, at: time, callee: callee), detailRecord: nil)
  }

  @Test func independentEvidenceRaisesConfidence() throws {
    let diagnosis = DiagnosisEngine(knowledge: Self.knowledge).diagnose(.call(call("s", 8104)))
    #expect(diagnosis.verdict == .failed)
    let finding = try #require(diagnosis.findings.first)
    #expect(finding.ruleId == "powered-off")
    #expect(finding.ruleRevision == 3)
    // 1 − (1 − 0.5)(1 − 0.5)
    #expect(finding.confidence == 0.75)
    #expect(finding.evidence.map(\.field) == ["stateCode", "fwdAlertingTime"])
    #expect(finding.evidence.first?.meaning?.english == "Callee off.")
  }

  @Test func contradictingEvidenceLowersConfidence() throws {
    // The phone rang, so it was not off: only the code speaks for the cause, and the ringing
    // speaks against it.
    var events = disconnect("s", 8104)
    events.insert(
      CallEvent(eventType: .alerting, sessionId: "s", timestamp: Timestamp.parse("2024-05-13 05:25:30")), at: 1)
    let rang = DiagnosisEngine(knowledge: Self.knowledge).diagnose(
      .call(Call(sessionId: "s", events: events, detailRecord: nil)))
    let finding = try #require(rang.findings.first { $0.ruleId == "powered-off" })
    // 0.5 × 0.1
    #expect(finding.confidence == 0.05)
  }

  @Test func anAnsweredCallIsOkWithoutFailureFindings() {
    var events = disconnect("s", 8104)
    events.insert(
      CallEvent(eventType: .answer, sessionId: "s", timestamp: Timestamp.parse("2024-05-13 05:25:30")), at: 1)
    let answered = DiagnosisEngine(knowledge: Self.knowledge).diagnose(
      .call(Call(sessionId: "s", events: events, detailRecord: nil)))
    #expect(answered.verdict == .ok)
    #expect(answered.findings.isEmpty)
  }

  @Test func successOnlyGetsRulesMarkedForIt() throws {
    var record = CallDetailRecord(sessionId: "m")
    record.forwardAnswerTime = Timestamp.parse("2024-05-13 05:20:00")
    record.callEndTime = Timestamp.parse("2024-05-13 06:20:00")
    let call = Call(sessionId: "m", events: disconnect("m", 8010), detailRecord: record)
    let diagnosis = DiagnosisEngine(knowledge: Self.knowledge).diagnose(.call(call))
    #expect(diagnosis.verdict == .ok)
    #expect(diagnosis.findings.map(\.ruleId) == ["cut-off"])
  }

  @Test func neighbourPatternsCountOnlyMatchingNeighbours() {
    let engine = DiagnosisEngine(knowledge: Self.knowledge)
    let subject = call("s0", 7504, at: "2024-05-13 05:30:00", callee: "+8610580000009")
    let sameBlockRejected = [
      call("n1", 7504, at: "2024-05-13 05:25:00", callee: "+8610580000001"),
      call("n2", 7504, at: "2024-05-13 05:28:00", callee: "+8610580000002"),
    ]
    let found = engine.diagnose(.call(subject), neighbours: sameBlockRejected)
    #expect(found.findings.map(\.ruleId).contains("burst"))
    #expect(
      found.findings.first { $0.ruleId == "burst" }?.evidence.contains { $0.field == "neighbours" && $0.value == "2" }
        == true)

    let tooFar = [sameBlockRejected[0], call("n3", 7504, at: "2024-05-13 05:10:00", callee: "+8610580000003")]
    #expect(!engine.diagnose(.call(subject), neighbours: tooFar).findings.map(\.ruleId).contains("burst"))
    let otherBlock = [sameBlockRejected[0], call("n4", 7504, at: "2024-05-13 05:28:00", callee: "+8610990000004")]
    #expect(!engine.diagnose(.call(subject), neighbours: otherBlock).findings.map(\.ruleId).contains("burst"))
    let answeredNeighbour = [sameBlockRejected[0], call("n5", 0, at: "2024-05-13 05:28:00", callee: "+8610580000005")]
    #expect(!engine.diagnose(.call(subject), neighbours: answeredNeighbour).findings.map(\.ruleId).contains("burst"))
    // The subject itself never counts as its own neighbour.
    #expect(
      !engine.diagnose(.call(subject), neighbours: [sameBlockRejected[0], subject]).findings.map(\.ruleId).contains(
        "burst"))
    #expect(Self.knowledge.neighbourWindow == 600)
  }

  @Test func verdicts() {
    var sms = SMSNotification(smsIdentifier: "x")
    #expect(DiagnosisEngine.verdict(of: .sms(sms)) == .unknown)
    sms.sendResult = 0
    #expect(DiagnosisEngine.verdict(of: .sms(sms)) == .ok)
    sms.mode = .block
    #expect(DiagnosisEngine.verdict(of: .sms(sms)) == .pending)
    sms.sendResult = 13
    #expect(DiagnosisEngine.verdict(of: .sms(sms)) == .failed)
    #expect(DiagnosisEngine.verdict(of: .api(APIResponse(resultCode: "0"))) == .ok)
    #expect(DiagnosisEngine.verdict(of: .api(APIResponse(resultCode: "1012007"))) == .failed)
    #expect(DiagnosisEngine.verdict(of: .call(Call(sessionId: "p", events: [], detailRecord: nil))) == .unknown)
  }

  @Test func theSameInputAlwaysGivesTheSameDiagnosis() {
    let engine = DiagnosisEngine(knowledge: Self.knowledge)
    let subject = DiagnosisSubject.call(call("s", 8104))
    #expect(engine.diagnose(subject) == engine.diagnose(subject))
  }

  @Test func subjectsJoinRecordsOfOneSession() {
    var record = CallDetailRecord(sessionId: "a")
    record.releasePoint = 8104
    let messages: [Message] = [
      .callEvent(CallEvent(eventType: .callIn, sessionId: "a")), .sms(SMSNotification(smsIdentifier: "m")),
      .callDetailRecord(record), .callEvent(CallEvent(eventType: .callIn, sessionId: "a")),
      .callEvent(CallEvent(eventType: .disconnect, sessionId: "b", stateCode: 8104)),
    ]
    let subjects = DiagnosisSubject.subjects(from: messages)
    #expect(subjects.map(\.id) == ["a", "m", "b"])
    guard case .call(let joined) = subjects[0] else {
      Issue.record("first subject is not a call")
      return
    }
    #expect(joined.events.count == 1, "a re-pushed event counts once")
    #expect(joined.detailRecord?.releasePoint == 8104)
  }
}
