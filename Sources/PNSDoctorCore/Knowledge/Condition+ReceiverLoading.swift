import Yams

/// Reading the receiver's condition forms (`pushSignature`, `upstreamFailed`, `cdrMissing`):
/// facts only the live receiver has, judged in `ConditionEvaluator+Receiver`.
extension Condition {
  /// `pushSignature: [digest-mismatch, unknown-app-key]`: names of `PushSignatureCheck`.
  static func loadPushSignature(_ value: Node, mapping: YAMLMapping) -> Condition? {
    let names = value.sequence.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
    let checks = names.compactMap(PushSignatureCheck.init(name:))
    guard !names.isEmpty, checks.count == names.count else {
      mapping.report(
        at: value, key: "pushSignature", "expected signature checks",
        hint: "among: \(PushSignatureCheck.allCases.map(\.name).joined(separator: ", "))")
      return nil
    }
    return .pushSignature(Set(checks))
  }

  /// `upstreamFailed: {kind: event}` or `{kind: cdr, repush: pending}`.
  static func loadUpstreamFailed(_ node: Node, path: String, file: String, issues: IssueCollector) -> Condition? {
    guard let spec = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    spec.check(allowed: ["kind", "repush"], required: ["kind"])
    let kinds = [Message.Kind.callEvent, .detailRecord]
    guard let name = spec.string("kind"), let kind = kinds.first(where: { $0.shortName == name }) else {
      spec.report(at: spec.node("kind"), key: "kind", "expected event or cdr")
      return nil
    }
    guard spec.node("repush") != nil else { return .upstreamFailed(kind: kind, repush: nil) }
    guard kind == .detailRecord else {
      // A call's events are re-pushed each on its own schedule, and a push record does not say
      // which event it held: the stage is known for the call's one CDR only.
      spec.report(
        at: spec.node("repush"), key: "repush", "the re-push stage is known for the CDR only",
        hint: "drop `repush`, or use kind: cdr")
      return nil
    }
    return spec.choice("repush", as: RepushStage.self).map { .upstreamFailed(kind: kind, repush: $0) }
  }

  /// `cdrMissing: {after: 310m}` (overdue) or `{within: 310m}` (still expected).
  static func loadCDRMissing(_ node: Node, path: String, file: String, issues: IssueCollector) -> Condition? {
    guard let spec = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    spec.check(allowed: ["after", "within"], required: [])
    let keys = ["after", "within"].filter { spec.node($0) != nil }
    guard keys.count == 1, let key = keys.first else {
      issues.add(
        KnowledgeIssue(
          file: file, line: spec.line, keyPath: path, reason: "cdrMissing needs exactly one of after, within"))
      return nil
    }
    guard let text = spec.string(key), let window = seconds(text), window.isFinite, window > 0, window <= 7 * 86_400
    else {
      spec.report(at: spec.node(key), key: key, "expected a span such as 310m or 6h, at most 7 days")
      return nil
    }
    return .cdrMissing(window: window, overdue: key == "after")
  }
}
