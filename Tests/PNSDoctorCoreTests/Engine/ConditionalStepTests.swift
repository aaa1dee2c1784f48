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
}
