/// A diagnosis rule: when it applies, how confident it is, the cause it names and what to do.
///
/// Rules are YAML files under `Knowledge/rules/<category>/<id>.yaml`; see `Knowledge/README.md`.
public struct Rule: Sendable, Equatable {
  /// Stable kebab-case id, equal to the file stem; never reused.
  public var id: String
  /// Bumped whenever what the rule matches changes.
  public var revision: Int
  public var title: LocalizedText
  /// The folder the rule lives in.
  public var category: CodeCategory
  public var appliesTo: SubjectKind
  /// Whether the rule's cause is stated by the platform's documents or is our own inference.
  public var basis: RuleBasis
  /// Whether the rule is also evaluated for calls and messages that succeeded (a call cut by
  /// its maximum duration was answered, and still worth a finding).
  public var alsoForSuccess: Bool
  /// A fallback rule (`fallback: true`, the generic `*-other` rules) names a side of the call
  /// without saying more: its finding is shown only when no other finding of its category
  /// holds, so that it never repeats what a specific finding already says.
  public var isFallback = false
  /// A delivery rule (`delivery: true`) speaks of how the platform's pushes arrived (a CDR
  /// re-pushed), not of why the call failed: its finding is kept apart from the causes, out of
  /// their ranking, the list's cause column, `--cause` and Stats' causes.
  public var isDelivery = false
  /// When set, the rule is considered only if this holds.
  public var guardCondition: Condition?
  /// Each trigger that holds adds its confidence; the rule fires when one holds.
  public var triggers: [Trigger]
  /// Contradicting evidence: each that holds multiplies the confidence by its factor.
  public var against: [Counterevidence]
  public var cause: LocalizedText
  /// What to do, in order; a step with a condition is given only where it holds.
  public var nextSteps: [Step]
  /// Platform document ids the rule rests on.
  public var references: [String]
  public var examples: RuleExamples
  /// The file the rule came from, relative to the knowledge folder.
  public var file: String

  /// One next step, and when it applies (`if:` in YAML): a step for 7004 is not given for 7005.
  public struct Step: Sendable, Equatable {
    public var text: LocalizedText
    public var condition: Condition?
  }

  public struct Trigger: Sendable, Equatable {
    public var condition: Condition
    public var confidence: Double
  }

  public struct Counterevidence: Sendable, Equatable {
    public var condition: Condition
    public var factor: Double
  }
}

/// What a rule or a diagnosis is about.
public enum SubjectKind: String, Sendable, CaseIterable, Codable {
  case call, sms, api
}

/// Where a rule's cause comes from.
public enum RuleBasis: String, Sendable, CaseIterable {
  /// The platform's documents or FAQ state it.
  case documented
  /// Our own reading of the facts.
  case inferred
}

/// The examples a rule carries; they are its tests.
public struct RuleExamples: Sendable, Equatable {
  public var triggering: [RuleExample]
  public var nonTriggering: [RuleExample]
}

/// One example: an input (anything `import` reads) and, for pattern rules, neighbouring calls.
public struct RuleExample: Sendable, Equatable {
  public var name: String
  public var input: String
  /// Messages of other calls, as in the store, for rules that look at neighbours.
  public var neighbours: String?
  /// What the live receiver took of the call, for the delivery rules that judge it
  /// (`pushes` and `now` in YAML).
  public var receiver: ReceiverObservation?
  /// When true, the rule must be the top finding, not only one of them.
  public var mustBeFirst: Bool
  /// Line of the example in its file.
  public var line: Int
}
