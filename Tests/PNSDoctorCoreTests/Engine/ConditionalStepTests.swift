import Testing

@testable import PNSDoctorCore

/// Next steps chosen by the evidence: a step with a condition is given only where it holds.
@Suite("Next steps chosen by the evidence")
struct ConditionalStepTests {
  private func steps(_ json: String, rule: String) throws -> [String] {
    var reader = InputReader(source: InMemoryByteSource(name: "t", text: json))
    let messages = reader.readAll().records.map(\.message)
    let subject = try #require(DiagnosisSubject.subjects(from: messages).first)
    let finding = try #require(
      DiagnosisEngine(knowledge: KnowledgeFixtures.base).diagnose(subject).findings.first { $0.ruleId == rule })
    return finding.nextSteps.map(\.english)
  }

  @Test func aBlacklistedCalleeAndABlacklistedCallerGetOnlyTheirOwnStep() throws {
    func event(_ code: Int) -> String {
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"b-\#(code)","timestamp":"2024-05-13 05:25:41","stateCode":\#(code)}}"#
    }
    let callee = try steps(event(7004), rule: "blacklisted")
    let caller = try steps(event(7005), rule: "blacklisted")
    #expect(callee.contains { $0.contains("callee is the number listed") })
    #expect(!callee.contains { $0.contains("caller is the number listed") })
    #expect(caller.contains { $0.contains("caller is the number listed") })
    #expect(!caller.contains { $0.contains("callee is the number listed") })
    // The steps without a condition are given to both.
    #expect(callee.count == caller.count && callee.last == caller.last)
  }

  @Test func anSMSWithoutCapabilityIsNotToldWhatToDoForASuspendedNumber() throws {
    func sms(_ result: Int) -> String {
      #"{"appKey":"****","smsEvent":{"smsIdentifier":"m-\#(result)","notificationMode":"Notify","calling":"+8610000000021","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:24:57.123Z","sendResult":\#(result)}}"#
    }
    let noCapability = try steps(sms(11), rule: "sms-number-not-capable")
    let suspended = try steps(sms(3), rule: "sms-number-not-capable")
    #expect(noCapability.contains { $0.hasPrefix("For 11") } && !noCapability.contains { $0.hasPrefix("For 3") })
    #expect(suspended.contains { $0.hasPrefix("For 3") } && !suspended.contains { $0.hasPrefix("For 11") })
    #expect(!noCapability.contains { $0.contains("arrears") })
  }

  @Test func anEightSecondRingIsNotANoAnswerTimeoutAndALongOneIsEvidence() throws {
    func cdr(ringing seconds: Int) -> String {
      let end = String(format: "2024-05-13 05:25:%02d", seconds)
      return #"{"sessionId":"n-\#(seconds)","callerNum":"+8610000000001","bindNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:24:58","fwdStartTime":"2024-05-13 05:24:59","fwdAlertingTime":"2024-05-13 05:25:00","callEndTime":"\#(end)","fwdUnaswRsn":0,"ulFailReason":8101,"sipStatusCode":0,"serviceType":"004"}"#
    }
    func finding(_ json: String) throws -> Finding {
      var reader = InputReader(source: InMemoryByteSource(name: "t", text: json))
      let subject = try #require(DiagnosisSubject.subjects(from: reader.readAll().records.map(\.message)).first)
      return try #require(
        DiagnosisEngine(knowledge: KnowledgeFixtures.base).diagnose(subject).findings.first {
          $0.ruleId == "callee-no-answer"
        })
    }
    let short = try finding(cdr(ringing: 8))
    let long = try finding(cdr(ringing: 45))
    #expect(short.confidence < long.confidence)
    #expect(short.nextSteps.first?.english.contains("rang only a few seconds") == true)
    #expect(!long.nextSteps.contains { $0.english.contains("rang only a few seconds") })
    // The long ring is evidence: its length, decoded.
    #expect(long.evidence.contains { $0.field == "fwdAlertingTime→callEndTime" && $0.value == "45s" })
  }
}
