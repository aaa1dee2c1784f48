import Testing

@testable import PNSDoctorCore

/// The FAQ causes no push can show (how the caller dialled, what they heard) reach the engineer
/// as checks in the next steps of the rules whose codes they produce, and only there.
@Suite("FAQ causes as next steps")
struct FAQStepTests {
  private func steps(_ json: String, rule: String) throws -> [String] {
    var reader = InputReader(source: InMemoryByteSource(name: "t", text: json))
    let subject = try #require(DiagnosisSubject.subjects(from: reader.readAll().records.map(\.message)).first)
    let finding = try #require(
      DiagnosisEngine(knowledge: KnowledgeFixtures.base).diagnose(subject).findings.first { $0.ruleId == rule },
      "no \(rule) finding")
    return finding.nextSteps.map(\.english)
  }

  private func cdr(_ codes: String, serviceType: String) -> String {
    #"{"eventType":"fee","feeLst":[{"sessionId":"faq-1","callerNum":"+8610000000001","bindNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","callEndTime":"2024-05-13 05:25:03",\#(codes),"serviceType":"\#(serviceType)"}]}"#
  }

  @Test func anAXEPoweredOffCallIsAskedHowTheExtensionWasKeyedAndOthersAreNot() throws {
    let axe = try steps(cdr(#""ulFailReason":8104,"fwdUnaswRsn":20"#, serviceType: "005"), rule: "callee-powered-off")
    let axb = try steps(cdr(#""ulFailReason":8104,"fwdUnaswRsn":20"#, serviceType: "004"), rule: "callee-powered-off")
    #expect(axe.first?.contains("wait for the extension prompt") == true, "\(axe)")
    #expect(axe.contains { $0.contains("automatic extension dialling is not supported") })
    #expect(!axb.contains { $0.contains("extension") }, "\(axb)")
    #expect(axe.count == axb.count + 2)
  }

  @Test func anEmptyNumberAsksHowXWasDialledAndABadCalleeNumberAloneDoesNot() throws {
    let empty = try steps(cdr(#""ulFailReason":8100"#, serviceType: "004"), rule: "callee-number-invalid")
    #expect(empty.contains { $0.contains(#""+86" in front"#) })
    #expect(empty.contains { $0.contains("Dial Assist") && $0.contains("171 or 167") })
    #expect(empty.contains { $0.contains("caller's carrier may be blocking X") })
    // Q.850 1 is the callee number's own fault: nothing about how the caller dialled X.
    let unallocated = try steps(cdr(#""fwdUnaswRsn":1"#, serviceType: "004"), rule: "callee-number-invalid")
    #expect(!unallocated.contains { $0.contains(#""+86" in front"#) || $0.contains("Dial Assist") }, "\(unallocated)")
  }

  @Test func anXMode8014IsToldToCheckTheBlockAnswersPromptFilesAndAnAX8013IsNot() throws {
    let xMode = try steps(cdr(#""ulFailReason":8014"#, serviceType: "004"), rule: "binding-missing")
    let ax = try steps(cdr(#""ulFailReason":8013"#, serviceType: "003"), rule: "binding-missing")
    #expect(xMode.contains { $0.contains("waitVoice") })
    #expect(!xMode.contains { $0.hasPrefix("AX mode with 8013") || $0.hasPrefix("AXE mode with 8019") })
    #expect(ax.contains { $0.hasPrefix("AX mode with 8013") })
    #expect(!ax.contains { $0.contains("8014") }, "\(ax)")
  }

  @Test func aCarrierInterceptionAsksWhatTheCallerHeardAndSaysToRetireTheNumber() throws {
    let intercepted = try steps(cdr(#""ulFailReason":8059"#, serviceType: "004"), rule: "carrier-blocking")
    #expect(intercepted.first?.contains("呼叫受限,请勿越权使用") == true, "\(intercepted)")
    #expect(intercepted.contains { $0.contains("recordHintTone") })
    #expect(intercepted.contains { $0.contains("retire it") })
    #expect(intercepted.last?.contains("contact Huawei Cloud support") == true)
  }

  @Test func aServiceErrorAsksForTheXNumbersApplicationState() throws {
    let serviceError = try steps(cdr(#""ulFailReason":8020"#, serviceType: "005"), rule: "platform-fault")
    #expect(serviceError.contains { $0.contains("业务异常") && $0.contains("assigned to this application") })
    let other = try steps(cdr(#""ulFailReason":8011"#, serviceType: "005"), rule: "platform-fault")
    #expect(!other.contains { $0.contains("业务异常") })
  }
}
