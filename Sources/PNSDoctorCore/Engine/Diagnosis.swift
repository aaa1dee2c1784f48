/// The outcome of diagnosing one subject: a verdict, the likely causes, most likely first, and
/// apart from them what the platform's deliveries of it say (a CDR re-pushed because the
/// receiver did not answer), which is never a cause of the call.
public struct Diagnosis: Sendable, Equatable {
  public var kind: SubjectKind
  public var id: String
  public var verdict: Verdict
  /// The causes, sorted by confidence, highest first.
  public var findings: [Finding]
  /// Findings of `delivery` rules: about how the pushes arrived, shown beside the causes.
  public var deliveryFindings: [Finding] = []
}

/// Whether the call or message worked.
public enum Verdict: String, Sendable, Codable {
  case ok, failed, unknown
  /// A Block-mode SMS notification: the platform waits for the customer's server to say
  /// whether to forward it, so nothing has failed (or worked) yet.
  case pending
}

/// One likely cause.
public struct Finding: Sendable, Equatable {
  public var ruleId: String
  public var ruleRevision: Int
  public var title: LocalizedText
  public var category: CodeCategory
  public var basis: RuleBasis
  /// 0 to 1.
  public var confidence: Double
  public var cause: LocalizedText
  public var nextSteps: [LocalizedText]
  /// The facts that support it.
  public var evidence: [Evidence]
  public var references: [String]
}

/// One fact behind a finding: a field, its value and what the value means.
public struct Evidence: Sendable, Equatable, Hashable {
  /// The wire field (`ulFailReason`), or a derived fact (`neighbours`).
  public var field: String
  public var value: String
  public var meaning: LocalizedText?
  /// Whether `value` is a phone number (to be masked for people).
  public var isPhoneNumber: Bool

  public init(field: String, value: String, meaning: LocalizedText?, isPhoneNumber: Bool = false) {
    self.field = field
    self.value = value
    self.meaning = meaning
    self.isPhoneNumber = isPhoneNumber
  }
}
