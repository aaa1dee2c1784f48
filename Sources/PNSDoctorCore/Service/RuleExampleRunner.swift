/// Runs a rule's examples: each triggering example must produce the rule's finding (first, when
/// the example says so), each non-triggering example must not.
public struct RuleExampleRunner: Sendable {
  /// The outcome of one example.
  public struct Result: Sendable, Equatable {
    public var ruleId: String
    public var example: String
    public var triggering: Bool
    public var passed: Bool
    /// Why it failed, or what it produced.
    public var detail: String
    /// `file:line` of the example.
    public var location: String
  }

  public let engine: DiagnosisEngine

  public init(knowledge: KnowledgeBase) {
    engine = DiagnosisEngine(knowledge: knowledge)
  }

  /// Runs every example of `rule`.
  public func run(_ rule: Rule) -> [Result] {
    rule.examples.triggering.map { run($0, of: rule, triggering: true) }
      + rule.examples.nonTriggering.map { run($0, of: rule, triggering: false) }
  }

  /// Runs one example.
  public func run(_ example: RuleExample, of rule: Rule, triggering: Bool) -> Result {
    var result = Result(
      ruleId: rule.id, example: example.name, triggering: triggering, passed: false, detail: "",
      location: "\(rule.file):\(example.line)")
    let (messages, problems) = Self.read(example.input, name: "\(rule.id) example")
    guard problems.isEmpty else {
      result.detail = "the input does not read: " + problems.map(\.description).joined(separator: "; ")
      return result
    }
    let subjects = DiagnosisSubject.subjects(from: messages).filter { $0.kind == rule.appliesTo }
    guard !subjects.isEmpty else {
      result.detail = "the input holds no \(rule.appliesTo.rawValue) to diagnose"
      return result
    }
    var neighbours: [Call] = []
    if let text = example.neighbours {
      let (neighbourMessages, neighbourProblems) = Self.read(text, name: "\(rule.id) neighbours")
      guard neighbourProblems.isEmpty else {
        result.detail = "the neighbours do not read: " + neighbourProblems.map(\.description).joined(separator: "; ")
        return result
      }
      neighbours = DiagnosisSubject.subjects(from: neighbourMessages).compactMap {
        if case .call(let call) = $0 { return call }
        return nil
      }
    }
    let diagnoses = subjects.map { engine.diagnose($0, neighbours: neighbours, receiver: example.receiver) }
    let produced = diagnoses.flatMap { ($0.findings + $0.deliveryFindings).map(\.ruleId) }
    let found = diagnoses.contains { diagnosis in
      // A delivery rule's findings are ranked among themselves, apart from the causes.
      let ranked = rule.isDelivery ? diagnosis.deliveryFindings : diagnosis.findings
      guard let index = ranked.firstIndex(where: { $0.ruleId == rule.id }) else { return false }
      return !example.mustBeFirst || index == 0
    }
    result.passed = triggering ? found : !produced.contains(rule.id)
    let listing = produced.isEmpty ? "no findings" : "findings: " + produced.joined(separator: ", ")
    if result.passed {
      result.detail = listing
    } else if triggering {
      result.detail =
        (example.mustBeFirst && produced.contains(rule.id) ? "not the first finding; " : "did not trigger; ") + listing
    } else {
      result.detail = "triggered, but must not; " + listing
    }
    return result
  }

  /// Reads example text the way `import` and `diagnose` read input.
  static func read(_ text: String, name: String) -> ([Message], [ReadIssue]) {
    var reader = InputReader(source: InMemoryByteSource(name: name, text: text))
    let (records, problems) = reader.readAll()
    return (records.map(\.message), problems)
  }
}
