import Testing

@testable import PNSDoctorCore

/// The platform's official samples and the real ones found in public code get the right
/// verdicts from the real knowledge base.
@Suite("Verdicts on the reference samples")
struct ReferenceVerdictTests {
  private func diagnose(_ fixture: String) throws -> [Diagnosis] {
    let outcome = try IngestHarness.readFixture(fixture)
    #expect(outcome.issues.isEmpty)
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    return DiagnosisSubject.subjects(from: outcome.messages).map { engine.diagnose($0) }
  }

  @Test(arguments: [
    "call-event-official.json", "cdr-official.http", "axb-cdr-real.json", "ax-disconnect-event.json",
    "voicecall-cdr-two-spaces.json", "voicecall-answer-two-spaces.json",
  ])
  func answeredSamplesAreOk(fixture: String) throws {
    let diagnoses = try diagnose(fixture)
    #expect(!diagnoses.isEmpty)
    for diagnosis in diagnoses {
      #expect(diagnosis.verdict == .ok, "\(diagnosis.id)")
      // Only rules meant for successful calls may speak about them.
      #expect(diagnosis.findings.allSatisfy { KnowledgeFixtures.base.rule(id: $0.ruleId)?.alsoForSuccess == true })
    }
  }

  @Test func theFailedPythonCDRIsExplainedWithBothCodesDecoded() throws {
    let diagnosis = try #require(try diagnose("failed-cdr-python-repr.py").first)
    #expect(diagnosis.verdict == .failed)
    let evidence = diagnosis.findings.flatMap(\.evidence)
    let releasePoint = try #require(evidence.first { $0.field == "ulFailReason" && $0.value == "518" })
    let sip = try #require(evidence.first { $0.field == "sipStatusCode" && $0.value == "480" })
    #expect(releasePoint.meaning != nil && releasePoint.meaning?.english.isEmpty == false)
    #expect(sip.meaning != nil && sip.meaning?.chinese.isEmpty == false)
    // Both codes are decoded by the same finding, the top one.
    let top = try #require(diagnosis.findings.first)
    #expect(top.evidence.contains(releasePoint) && top.evidence.contains(sip))
  }

  @Test func theOfficialSMSSamples() throws {
    let notify = try #require(try diagnose("sms-notify-official.http").first)
    #expect(notify.kind == .sms)
    #expect(notify.verdict == .failed)
    #expect(notify.findings.first?.evidence.contains { $0.field == "sendResult" && $0.value == "2" } == true)
    let block = try #require(try diagnose("sms-block-official.http").first)
    // A Block notification waits for the customer's answer: neither failed nor unknown.
    #expect(block.verdict == .pending)
    #expect(block.findings.isEmpty)
  }
}
