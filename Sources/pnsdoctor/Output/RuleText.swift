import PNSDoctorCore

/// A rule as a person reads it: what it finds, why, what to do, and its examples.
struct RuleText {
  let rule: Rule
  let language: Language

  func render() -> String {
    let l = language
    var lines = [
      "\(rule.id) (rev \(rule.revision)) — \(rule.title.text(in: l))",
      l.pick(
        "applies to: \(rule.appliesTo.rawValue), category: \(rule.category.rawValue), basis: \(rule.basis.rawValue)",
        "适用：\(rule.appliesTo.rawValue)，类别：\(rule.category.rawValue)，依据：\(rule.basis == .documented ? "平台文档" : "推断")"),
      "",
      l.pick("Cause:", "原因：") + " " + rule.cause.text(in: l),
      "",
      l.pick("Next steps:", "处理建议："),
    ]
    for (index, step) in rule.nextSteps.enumerated() {
      let only = step.condition == nil ? "" : l.pick(" (only where its condition holds)", "（仅在其条件成立时给出）")
      lines.append("  \(index + 1). \(step.text.text(in: l))\(only)")
    }
    if !rule.references.isEmpty {
      lines += ["", l.pick("References: ", "参考：") + rule.references.joined(separator: ", ")]
    }
    lines += ["", l.pick("Triggering examples:", "触发示例：")]
    for example in rule.examples.triggering { lines.append("  - \(example.name)") }
    lines.append(l.pick("Non-triggering examples:", "不触发示例："))
    for example in rule.examples.nonTriggering { lines.append("  - \(example.name)") }
    return lines.map { TerminalSanitizer.sanitize($0, limit: 2000) }.joined(separator: "\n") + "\n"
  }
}
