import Foundation

/// What the store keeps of a diagnosis with each call and SMS: the verdict and the top
/// findings by rule id, revision and confidence. Enough to list, filter and count by cause
/// without diagnosing again; the full findings (evidence, next steps) are computed when one
/// call is opened.
public struct StoredDiagnosis: Sendable, Equatable {
  /// One kept finding.
  public struct Entry: Sendable, Equatable {
    public var ruleId: String
    public var revision: Int
    public var confidence: Double
  }

  /// How many findings are kept per call.
  static let keptFindings = 3

  public var verdict: Verdict
  /// Best first.
  public var findings: [Entry]
  /// Whether a pattern rule looked at neighbouring calls: more calls may change the answer.
  public var dependsOnNeighbours: Bool
  /// Whether the neighbours were not counted yet (a bulk load): kept as pending, to be
  /// diagnosed in full once the load is in.
  var isProvisional = false

  init(_ diagnosis: Diagnosis, dependsOnNeighbours: Bool) {
    verdict = diagnosis.verdict
    findings = diagnosis.findings.prefix(Self.keptFindings).map {
      Entry(ruleId: $0.ruleId, revision: $0.ruleRevision, confidence: $0.confidence)
    }
    self.dependsOnNeighbours = dependsOnNeighbours
  }


  /// The top finding, if any.
  public var cause: Entry? { findings.first }

  /// `diagnosis_state`.
  var state: DiagnosisState {
    isProvisional ? .pending : dependsOnNeighbours ? .dependsOnNeighbours : .diagnosed
  }

  /// `rule@revision:confidence` tokens separated by spaces.
  var findingsText: String {
    findings.map { "\($0.ruleId)@\($0.revision):\(String(format: "%.2f", $0.confidence))" }.joined(separator: " ")
  }

  static func entries(from text: String) -> [Entry] {
    text.split(separator: " ").compactMap { token in
      guard let at = token.firstIndex(of: "@"), let colon = token.lastIndex(of: ":"), at < colon,
        let revision = Int(token[token.index(after: at)..<colon]),
        let confidence = Double(token[token.index(after: colon)...])
      else { return nil }
      return Entry(ruleId: String(token[..<at]), revision: revision, confidence: confidence)
    }
  }


}
