import PNSDoctorCore

/// The findings of a diagnosis as page lines: ranked, each with its confidence, cause, decoded
/// evidence and numbered next steps, wrapped lines hanging under their text. A finding whose
/// evidence is all shown by a higher one says so instead of repeating it.
enum FindingLines {
  static func lines(_ diagnosis: Diagnosis, _ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [StyledLine(l.pick("FINDINGS", "诊断结论"), .heading)]
    if diagnosis.findings.isEmpty {
      lines.append(StyledLine("  " + Wording.noFindings(diagnosis.verdict, in: l), .muted))
    }
    for (rank, finding) in diagnosis.findings.enumerated() {
      let confidence = Wording.confidence(finding.confidence)
      let number = "  \(rank + 1). "
      let padded = String(repeating: " ", count: max(0, 4 - confidence.count)) + confidence + " "
      lines.append(
        hanging(
          [
            (number, .normal), (padded, rank == 0 ? .warning : .muted),
            (finding.title.text(in: l), rank == 0 ? .heading : .normal), ("  \(finding.ruleId)", .muted),
          ], under: number.count + padded.count))
      lines.append(hanging([("       ", .normal), (finding.cause.text(in: l), .normal)], under: 7))
      let earlier = diagnosis.findings.prefix(rank).firstIndex { higher in
        !finding.evidence.isEmpty && Set(finding.evidence).isSubset(of: Set(higher.evidence))
      }
      if let earlier {
        lines.append(
          StyledLine(
            "       " + l.pick("• same evidence as \(earlier + 1)", "• 证据同第 \(earlier + 1) 条"), .muted))
      } else {
        for item in finding.evidence {
          let value = item.isPhoneNumber ? Presentation.number(item.value, state) : Presentation.text(item.value, state)
          var pieces: [(text: String, role: Role)] = [("       • ", .muted), ("\(item.field) = \(value)", .key)]
          if let meaning = item.meaning { pieces.append(("  " + meaning.text(in: l), .muted)) }
          lines.append(hanging(pieces, under: 9))
        }
      }
      for (index, step) in finding.nextSteps.enumerated() {
        let label = "       \(index + 1)) "
        lines.append(hanging([(label, .normal), (step.text(in: l), .normal)], under: label.count))
      }
      lines.append(.blank)
    }
    // How the pushes arrived: beside the causes, never one of them.
    if !diagnosis.deliveryFindings.isEmpty {
      lines.append(StyledLine(l.pick("DELIVERY (not a cause of the call)", "推送情况（不是呼叫失败的原因）"), .heading))
      for finding in diagnosis.deliveryFindings {
        lines.append(hanging([("  • ", .muted), (finding.title.text(in: l), .normal), ("  \(finding.ruleId)", .muted)], under: 4))
        lines.append(hanging([("    ", .normal), (finding.cause.text(in: l), .muted)], under: 4))
        for (index, step) in finding.nextSteps.enumerated() {
          let label = "    \(index + 1)) "
          lines.append(hanging([(label, .normal), (step.text(in: l), .normal)], under: label.count))
        }
      }
      lines.append(.blank)
    }
    return lines
  }

  static func hanging(_ pieces: [(text: String, role: Role)], under indent: Int) -> StyledLine {
    var line = StyledLine(pieces)
    line.hangingIndent = indent
    return line
  }
}
