import PNSDoctorCore

/// Diagnoses for people: a summary line per call or message, then its findings ranked, each
/// with its evidence decoded and numbered next steps. Numbers are masked unless revealed, and
/// every text from data is sanitised.
struct DiagnosisText {
  let display: DisplayOptions
  let language: Language

  private func lines(_ finding: Finding, label: String) -> [String] {
    let l = language
    var lines = ["  \(label) \(Wording.confidence(finding.confidence)) \(finding.title.text(in: l))  (\(finding.ruleId))"]
    lines.append("     " + l.pick("Cause: ", "原因：") + finding.cause.text(in: l))
    lines.append("     " + l.pick("Evidence:", "证据："))
    for item in finding.evidence {
      let value = item.isPhoneNumber ? display.show(number: item.value) : display.show(text: item.value)
      let meaning = item.meaning.map { " — " + $0.text(in: l) } ?? ""
      lines.append("       \(item.field) = \(value)\(meaning)")
    }
    lines.append("     " + l.pick("Next steps:", "处理建议："))
    for (index, step) in finding.nextSteps.enumerated() { lines.append("       \(index + 1). \(step.text(in: l))") }
    return lines
  }

  func render(_ results: [InputDiagnoser.Result], issues: [ReadIssue]) -> String {
    let l = language
    var lines: [String] = []
    for result in results {
      lines += header(result)
      if result.diagnosis.findings.isEmpty {
        lines.append("  " + Wording.noFindings(result.diagnosis.verdict, in: l))
      }
      for (rank, finding) in result.diagnosis.findings.enumerated() { lines += self.lines(finding, label: "\(rank + 1).") }
      // How the pushes arrived: beside the causes, never one of them.
      if !result.diagnosis.deliveryFindings.isEmpty {
        lines.append("  " + l.pick("Delivery (not a cause of the call):", "推送情况（不是呼叫失败的原因）："))
        for finding in result.diagnosis.deliveryFindings { lines += self.lines(finding, label: "•") }
      }
      lines.append("")
    }
    if !issues.isEmpty {
      lines.append(l.pick("Could not read:", "无法读取："))
      for issue in issues.prefix(20) { lines.append("  " + display.show(text: issue.message(in: l), limit: 4000)) }
      // A summary issue stands for many rejections: the count left out adds them, not the issues.
      let more = issues.dropFirst(20).reduce(0) { $0 + $1.rejections }
      if more > 0 {
        lines.append(l.pick("  … and \(more) more", "  …… 另有 \(more) 条"))
      }
    }
    if results.isEmpty && issues.isEmpty { lines.append(l.pick("Nothing to diagnose.", "没有可诊断的内容。")) }
    return lines.map { TerminalSanitizer.sanitize($0, limit: 4000) }.joined(separator: "\n") + "\n"
  }

  private func header(_ result: InputDiagnoser.Result) -> [String] {
    let l = language
    let verdict = Wording.verdict(result.diagnosis.verdict, in: l)
    switch result.subject {
    case .call(let call):
      let time = call.startTime.map(display.timeDisplay.format) ?? "-"
      return [
        l.pick("Call ", "呼叫 ") + display.show(text: call.sessionId) + "  " + l.pick("verdict: ", "结论：") + verdict,
        "  \(call.mode.rawValue) · \(time) · \(display.show(number: call.caller)) → X \(display.show(number: call.privacyNumber)) → \(display.show(number: call.callee))",
      ]
    case .sms(let sms):
      return [
        l.pick("SMS ", "短信 ") + display.show(text: sms.smsIdentifier) + "  " + l.pick("verdict: ", "结论：") + verdict,
        "  \(sms.mode?.wireName ?? "-") · \(sms.timestamp.map(display.timeDisplay.format) ?? "-") · \(display.show(number: sms.calling)) → X \(display.show(number: sms.virtualNumber))",
      ]
    case .api(let response):
      return [
        l.pick("API response ", "接口响应 ") + response.resultCode + "  " + l.pick("verdict: ", "结论：") + verdict,
        "  " + display.show(text: response.resultDescription ?? ""),
      ]
    }
  }
}
