import Testing

@testable import PNSDoctorCore

/// Broken knowledge files give located, clear messages, and the rest still loads.
@Suite("Knowledge loader: bad files")
struct KnowledgeLoaderTests {
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
    """

  /// A valid rule, with `extra` appended to its top level and `id` as given.
  private static func rule(id: String = "sample-rule", folder: String = "control", replacing: [(String, String)] = [])
    -> (path: String, text: String)
  {
    var text = """
      id: \(id)
      revision: 1
      title: {en: Sample, zh: 示例}
      category: control
      appliesTo: sms
      basis: documented
      triggers:
        - if: {code: {field: sendResult, in: [12]}}
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
    for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
    return ("rules/\(folder)/\(id).yaml", text)
  }

  private func load(_ files: [(path: String, text: String)]) -> (KnowledgeBase, [String]) {
    let (base, issues) = KnowledgeLoader.load(files: [("codes/sms-send-result.yaml", Self.table)] + files)
    return (
      base,
      (issues + KnowledgeLinter.lint(base)).map(\.description)
    )
  }

  @Test func aValidRuleLoadsCleanly() {
    let (base, issues) = load([Self.rule()])
    #expect(issues.isEmpty, "\(issues)")
    #expect(base.rules.map(\.id) == ["sample-rule"])
    #expect(base.tables.first?.entry(for: 12)?.category == .control)
  }

  @Test func unknownKeyNamesTheLineAndSuggestsTheRightOne() {
    let (base, issues) = load([Self.rule(replacing: [("cause:", "couse: {en: x, zh: y}\ncause:")])])
    #expect(
      issues == ["rules/control/sample-rule.yaml:10: error: couse: unknown key `couse` (hint: did you mean `cause`?)"])
    // A rule with any error is left out: a misspelt key may be a guard it was meant to have.
    #expect(base.rules.isEmpty)
  }

  @Test func aRuleWhoseGuardDoesNotLoadIsLeftOutRatherThanRunUnguarded() {
    let (base, issues) = load([
      Self.rule(replacing: [("triggers:", "when: {mode: [AXF]}\ntriggers:")])
    ])
    #expect(issues.contains { $0.contains("expected modes among AX, AXB, AXE, AXYB, X") })
    #expect(base.rules.isEmpty)
  }

  @Test func badEnumValueListsTheAllowedOnes() {
    let (base, issues) = load([Self.rule(replacing: [("appliesTo: sms", "appliesTo: fax")])])
    #expect(issues == ["rules/control/sample-rule.yaml:5: error: appliesTo: `fax` is not one of: call, sms, api"])
    #expect(base.rules.isEmpty)
  }

  @Test func duplicateIdIsReported() {
    let first = Self.rule()
    let second = (
      path: "rules/tenant/sample-rule.yaml",
      text: first.text.replacingOccurrences(of: "category: control", with: "category: tenant")
    )
    let (_, issues) = load([first, second])
    #expect(
      issues.contains(
        "rules/tenant/sample-rule.yaml: error: rule id `sample-rule` is also used by rules/control/sample-rule.yaml (hint: ids are unique)"
      ))
  }

  @Test func ruleWithoutExamples() {
    let text =
      Self.rule().text.components(separatedBy: "examples:")[0] + "examples:\n  triggering: []\n  nonTriggering: []\n"
    let (_, issues) = load([(Self.rule().path, text)])
    #expect(
      issues.contains(
        "rules/control/sample-rule.yaml: error: examples.triggering: no triggering example (hint: add one record that must trigger the rule)"
      ))
    #expect(
      issues.contains(
        "rules/control/sample-rule.yaml: error: examples.nonTriggering: no non-triggering example (hint: add one close record that must not trigger it)"
      ))
  }

  @Test func invalidYAMLGivesTheLine() {
    let (base, issues) = load([(Self.rule().path, "id: broken\ntitle: {en: x, zh: y\nrevision: 1\n")])
    #expect(issues.count == 1)
    #expect(issues.first?.hasPrefix("rules/control/sample-rule.yaml:") == true)
    #expect(issues.first?.contains("invalid YAML") == true)
    #expect(base.rules.isEmpty)
  }

  @Test func idMustMatchTheFileAndCategoryTheFolder() {
    let (_, issues) = load([Self.rule(id: "sample-rule", folder: "binding")])
    #expect(issues.contains { $0.contains("category `control` differs from the folder `binding`") })
    let renamed = (path: "rules/control/other-name.yaml", text: Self.rule().text)
    let (_, more) = load([renamed])
    #expect(more.contains { $0.contains("rule id `sample-rule` differs from the file name") })
  }

  @Test func badConditionsAreExplained() {
    let (_, issues) = load([
      Self.rule(replacing: [("{code: {field: sendResult, in: [12]}}", "{cod: {field: sendResult, in: [12]}}")])
    ])
    #expect(issues.contains { $0.contains("unknown condition `cod`") && $0.contains("did you mean `code`?") })
    let (_, fieldIssues) = load([Self.rule(replacing: [("field: sendResult", "field: sendresult")])])
    #expect(fieldIssues.contains { $0.contains("`sendresult` is not one of:") })
    let (_, confidence) = load([Self.rule(replacing: [("confidence: 0.9", "confidence: 1.5")])])
    #expect(confidence.contains { $0.contains("expected a number from 0.01 to 1.0, found `1.5`") })
  }

  @Test func aCodeMissingFromItsTableIsAWarning() {
    let (base, _) = KnowledgeLoader.load(files: [
      ("codes/sms-send-result.yaml", Self.table), Self.rule(replacing: [("in: [12]", "in: [12, 99]")]),
    ])
    let warnings = KnowledgeLinter.lint(base).filter { $0.severity == .warning }.map(\.reason)
    #expect(warnings == ["sendResult 99 is not in the table sms-send-result"])
  }
}
