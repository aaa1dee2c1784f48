import PNSDoctorCore

/// Diagnoses for scripts, in exactly the documented shape:
/// `{"results":[{"kind","id","verdict","findings":[{"rule","confidence","title","cause","nextSteps","evidence"}],"delivery":[…]}],"errors":[{"location","message"}]}`,
/// `delivery` holding the findings about how the pushes arrived, in the findings' shape.
enum DiagnosisJSON {
  private struct Body: Encodable {
    var results: [ResultEntry]
    var errors: [ErrorEntry]
  }

  private struct ResultEntry: Encodable {
    var kind, id, verdict: String
    var findings: [FindingEntry]
    var delivery: [FindingEntry]
  }

  private struct FindingEntry: Encodable {
    var rule: String
    var confidence: Double
    var title, cause: String
    var nextSteps: [String]
    var evidence: [EvidenceEntry]
  }

  private struct EvidenceEntry: Encodable {
    var field, value: String
    var meaning: String?
  }

  private struct ErrorEntry: Encodable {
    var location, message: String
  }

  static func encode(
    _ results: [InputDiagnoser.Result], issues: [ReadIssue], language: Language, masked: Bool
  ) -> String {
    // --mask hides numbers wherever they are: in number fields, and inside ids, free-text
    // evidence and messages (a real AXB session id embeds both parties' numbers).
    func text(_ value: String) -> String { masked ? PhoneNumber.maskAll(in: value) : value }
    func entry(_ finding: Finding) -> FindingEntry {
      FindingEntry(
        rule: finding.ruleId, confidence: finding.confidence, title: finding.title.text(in: language),
        cause: finding.cause.text(in: language), nextSteps: finding.nextSteps.map { $0.text(in: language) },
        evidence: finding.evidence.map { item in
          EvidenceEntry(
            field: item.field,
            value: masked && item.isPhoneNumber ? PhoneNumber.mask(item.value) : text(item.value),
            meaning: item.meaning?.text(in: language))
        })
    }
    let body = Body(
      results: results.map { result in
        ResultEntry(
          kind: result.diagnosis.kind.rawValue, id: text(result.diagnosis.id),
          verdict: result.diagnosis.verdict.rawValue, findings: result.diagnosis.findings.map(entry),
          delivery: result.diagnosis.deliveryFindings.map(entry))
      },
      errors: issues.map { ErrorEntry(location: $0.location.description, message: text($0.explanation(in: language))) })
    return JSONText.encode(body)
  }
}
