import Testing

@testable import PNSDoctorCore

/// The coverage lint runs what `diagnose` runs: a code counts only when a finding decodes it.
@Suite("Knowledge coverage, as diagnose sees it")
struct KnowledgeCoverageTests {
  private static let table = """
    table: sms-send-result
    title: {en: SMS send result, zh: 短信发送结果}
    fields: [sendResult]
    source: test
    codes:
      - code: 12
        category: control
        status: verified
        meaning: {en: No agreed keyword., zh: 不含约定关键词。}
      - code: 13
        category: control
        status: verified
        meaning: {en: Forbidden words., zh: 含禁止词汇。}
    """

  private static func base(trigger: String, extra: String = "") -> KnowledgeBase {
    let rule = """
      id: sample-rule
      revision: 1
      title: {en: Sample, zh: 示例}
      category: control
      appliesTo: sms
      basis: documented
      \(extra)
      triggers:
        - if: \(trigger)
          confidence: 0.9
      cause: {en: Intercepted., zh: 被拦截。}
      nextSteps:
        - {en: Add the keyword., zh: 添加关键词。}
      examples:
        triggering:
          - name: twelve
            input: '{"smsEvent":{"smsIdentifier":"a","sendResult":12}}'
        nonTriggering:
          - name: zero
            input: '{"smsEvent":{"smsIdentifier":"b","sendResult":0}}'
      """
    let (base, issues) = KnowledgeLoader.load(files: [
      ("codes/sms-send-result.yaml", table), ("rules/control/sample-rule.yaml", rule),
    ])
    #expect(issues.isEmpty, "\(issues)")
    return base
  }

  @Test func aCodeNoRuleNamesIsUnexplainedAndALintError() throws {
    let tables = KnowledgeCoverage(knowledge: Self.base(trigger: "{code: {field: sendResult, in: [12]}}")).tables()
    #expect(tables == [.init(table: "sms-send-result", codes: 2, explained: 1, onlyByFallback: [], unexplained: [13])])
    let issue = try #require(KnowledgeCoverage.issues(tables).first)
    #expect(issue.severity == .error && issue.file == "codes/sms-send-result.yaml")
    #expect(issue.reason.contains(": 13"), "\(issue.reason)")
  }

  @Test func aCategoryTriggerExplainsEveryCodeOfTheCategory() {
    let tables = KnowledgeCoverage(knowledge: Self.base(trigger: "{code: {field: sendResult, category: control}}"))
      .tables()
    #expect(tables.first?.unexplained == [])
    #expect(tables.first?.explained == 2)
  }

  /// What the old, static check counted as reached: the trigger names the code, but the rule's
  /// guard holds on no push, so `diagnose` would say no rule explains it.
  @Test func aCodeNamedByATriggerItsGuardNeverLetsThroughIsUnexplained() {
    let base = Self.base(
      trigger: "{code: {field: sendResult, in: [12, 13]}}",
      extra: "when: {contains: {field: smsContent, any: [never in a probe]}}")
    #expect(KnowledgeCoverage(knowledge: base).tables().first?.unexplained == [12, 13])
  }

  @Test func aFallbackRuleExplainsButIsCountedApart() {
    let base = Self.base(trigger: "{code: {field: sendResult, category: control}}", extra: "fallback: true")
    let table = KnowledgeCoverage(knowledge: base).tables().first
    #expect(table?.unexplained == [] && table?.onlyByFallback == [12, 13])
  }

  /// The shipped knowledge explains every code of every table: the promise `rules lint` checks.
  @Test func theShippedKnowledgeExplainsEveryCode() {
    let tables = KnowledgeCoverage(knowledge: KnowledgeFixtures.base).tables()
    #expect(tables.count == 6)
    for table in tables {
      #expect(table.codes > 0)
      #expect(table.unexplained.isEmpty, "\(table.table): \(table.unexplained)")
    }
  }

  /// The cases the issue named: codes the old check counted that gave no finding.
  @Test(arguments: [(CodeField.resultcode, 1_011_006), (.ulFailReason, 8030), (.ulFailReason, 480)])
  func namedCodesAreDecodedAndExplained(field: CodeField, code: Int) {
    #expect(KnowledgeFixtures.base.meaning(of: code, in: field) != nil, "\(code) is in no table")
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    let explained = KnowledgeCoverage.messages(carrying: code, in: field).contains { text in
      var reader = InputReader(source: InMemoryByteSource(name: "t", text: text))
      let subjects = DiagnosisSubject.subjects(from: reader.readAll().records.map(\.message))
      return subjects.contains { subject in
        engine.diagnose(subject).findings.contains { finding in
          finding.evidence.contains { $0.field == field.rawValue && $0.value == String(code) }
        }
      }
    }
    #expect(explained)
  }
}
