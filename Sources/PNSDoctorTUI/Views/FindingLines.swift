import PNSDoctorCore

/// The findings of a diagnosis as page lines: ranked, each with its confidence, cause, decoded
/// evidence and numbered next steps.
enum FindingLines {
  static func lines(_ diagnosis: Diagnosis, _ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [StyledLine(l.pick("FINDINGS", "诊断结论"), .heading)]
    if diagnosis.findings.isEmpty {
      lines.append(
        StyledLine("  " + Wording.noFindings(diagnosis.verdict, in: l), .muted))
    }
    for (rank, finding) in diagnosis.findings.enumerated() {
      let confidence = Wording.confidence(finding.confidence)
      lines.append(
        StyledLine([
          ("  \(rank + 1). ", .normal), ("\(confidence) ", rank == 0 ? .warning : .muted),
          (finding.title.text(in: l), rank == 0 ? .heading : .normal), ("  \(finding.ruleId)", .muted),
        ]))
      lines.append(StyledLine("     " + finding.cause.text(in: l)))
      for item in finding.evidence {
        let value = item.isPhoneNumber ? Presentation.number(item.value, state) : Presentation.text(item.value, state)
        var pieces: [(text: String, role: Role)] = [("     • ", .muted), ("\(item.field) = \(value)", .key)]
        if let meaning = item.meaning { pieces.append(("  " + meaning.text(in: l), .muted)) }
        lines.append(StyledLine(pieces))
      }
      for (index, step) in finding.nextSteps.enumerated() {
        lines.append(StyledLine("     \(index + 1)) " + step.text(in: l)))
      }
      lines.append(.blank)
    }
    return lines
  }
}
