import Yams

extension Rule {
  static let allowedKeys = [
    "id", "revision", "title", "category", "appliesTo", "basis", "alsoForSuccess", "fallback", "delivery", "when", "triggers", "against",
    "cause",
    "nextSteps", "references", "examples",
  ]

  /// Reads a rule file; problems go to `issues`. A rule with any error is not returned: a rule
  /// missing a guard or a counter-evidence it was written with would fire where it must not.
  static func load(_ root: Node, file: String, stem: String, folder: String, issues: IssueCollector) -> Rule? {
    let errorsBefore = issues.errorCount
    guard let rule = read(root, file: file, stem: stem, folder: folder, issues: issues),
      issues.errorCount == errorsBefore
    else { return nil }
    return rule
  }

  private static func read(_ root: Node, file: String, stem: String, folder: String, issues: IssueCollector) -> Rule? {
    guard let top = YAMLMapping(root, path: "", file: file, issues: issues) else { return nil }
    top.check(
      allowed: allowedKeys,
      required: [
        "id", "revision", "title", "category", "appliesTo", "basis", "triggers", "cause", "nextSteps", "examples",
      ])
    let id = top.string("id")
    if let id, id != stem {
      top.report(
        at: top.node("id"), key: "id", "rule id `\(id)` differs from the file name", hint: "name the file \(id).yaml")
    }
    if let id, id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
      top.report(
        at: top.node("id"), key: "id", "rule id `\(id)` is not kebab-case", hint: "lowercase words joined by -")
    }
    let category = top.choice("category", as: CodeCategory.self)
    if let category, category.rawValue != folder {
      top.report(
        at: top.node("category"), key: "category",
        "category `\(category.rawValue)` differs from the folder `\(folder)`",
        hint: "move the file to rules/\(category.rawValue)/")
    }
    let revision = top.integer("revision")
    let triggers = weightedConditions(
      top, key: "triggers", weight: "confidence", in: 0.01...1, file: file, issues: issues
    )
    .map { Trigger(condition: $0.condition, confidence: $0.weight) }
    if top.node("triggers") != nil && (top.list("triggers") ?? []).isEmpty {
      top.report(at: top.node("triggers"), key: "triggers", "a rule needs at least one trigger")
    }
    let against = weightedConditions(top, key: "against", weight: "factor", in: 0...1, file: file, issues: issues)
      .map { Counterevidence(condition: $0.condition, factor: $0.weight) }
    let guardCondition = top.node("when").flatMap { Condition.load($0, path: "when", file: file, issues: issues) }
    let steps = (top.list("nextSteps") ?? []).enumerated().compactMap { index, node in
      loadStep(node, path: "nextSteps[\(index)]", file: file, issues: issues)
    }
    if top.node("nextSteps") != nil && steps.isEmpty {
      top.report(at: top.node("nextSteps"), key: "nextSteps", "a rule needs at least one next step")
    }
    let examples = loadExamples(top.node("examples"), file: file, issues: issues)
    guard let id, let revision, let category, let title = top.localized("title"),
      let appliesTo = top.choice("appliesTo", as: SubjectKind.self),
      let basis = top.choice("basis", as: RuleBasis.self),
      let cause = top.localized("cause"), !triggers.isEmpty
    else { return nil }
    return Rule(
      id: id, revision: revision, title: title, category: category, appliesTo: appliesTo, basis: basis,
      alsoForSuccess: top.node("alsoForSuccess") == nil ? false : top.boolean("alsoForSuccess") ?? false,
      isFallback: top.node("fallback") == nil ? false : top.boolean("fallback") ?? false,
      isDelivery: top.node("delivery") == nil ? false : top.boolean("delivery") ?? false, guardCondition: guardCondition, triggers: triggers, against: against, cause: cause, nextSteps: steps,
      references: (top.list("references") ?? []).compactMap(\.string), examples: examples, file: file)
  }

  /// A next step: `{en, zh}`, with `if: <condition>` when it applies only where that holds.
  private static func loadStep(_ node: Node, path: String, file: String, issues: IssueCollector) -> Step? {
    guard let mapping = YAMLMapping(node, path: path, file: file, issues: issues),
      let text = mapping.localizedText(allowing: ["if"])
    else { return nil }
    let condition = mapping.node("if").flatMap { Condition.load($0, path: path + ".if", file: file, issues: issues) }
    return Step(text: text, condition: condition)
  }

  /// A list of `{if: <condition>, <weight>: number}` entries (triggers and counter-evidence).
  private static func weightedConditions(
    _ top: YAMLMapping, key: String, weight: String, in range: ClosedRange<Double>, file: String,
    issues: IssueCollector
  ) -> [(condition: Condition, weight: Double)] {
    (top.list(key) ?? []).enumerated().compactMap { index, node in
      guard let spec = YAMLMapping(node, path: "\(key)[\(index)]", file: file, issues: issues) else { return nil }
      spec.check(allowed: ["if", weight], required: ["if", weight])
      guard let conditionNode = spec.node("if"),
        let condition = Condition.load(conditionNode, path: spec.join("if"), file: file, issues: issues),
        let value = spec.number(weight, in: range)
      else { return nil }
      return (condition, value)
    }
  }

  private static func loadExamples(_ node: Node?, file: String, issues: IssueCollector) -> RuleExamples {
    guard let node, let spec = YAMLMapping(node, path: "examples", file: file, issues: issues) else {
      return RuleExamples(triggering: [], nonTriggering: [])
    }
    spec.check(allowed: ["triggering", "nonTriggering"], required: ["triggering", "nonTriggering"])
    func read(_ key: String) -> [RuleExample] {
      (spec.list(key) ?? []).enumerated().compactMap { index, item in
        guard let example = YAMLMapping(item, path: "examples.\(key)[\(index)]", file: file, issues: issues) else {
          return nil
        }
        example.check(
          allowed: ["name", "input", "neighbours", "first", "pushes", "now"], required: ["name", "input"])
        guard let name = example.string("name"), let input = example.string("input") else { return nil }
        return RuleExample(
          name: name, input: input, neighbours: example.node("neighbours") == nil ? nil : example.string("neighbours"),
          receiver: RuleExample.loadReceiver(example),
          mustBeFirst: example.node("first") == nil ? false : example.boolean("first") ?? false,
          line: item.mark?.line ?? 0)
      }
    }
    return RuleExamples(triggering: read("triggering"), nonTriggering: read("nonTriggering"))
  }
}
