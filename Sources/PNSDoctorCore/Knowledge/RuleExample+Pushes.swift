import Yams

/// An example's pushes, for the receiver's delivery rules: what the live receiver took of the
/// example's call, and when the diagnosis is made.
///
/// ```yaml
/// pushes:
///   - {at: "2024-05-13 05:26:01", kind: cdr, upstream: 500}
///   - {at: "2024-05-13 05:27:01", kind: cdr, upstream: timeout}
///   - {at: "2024-05-13 05:26:02", kind: event, signature: digest-mismatch}
/// now: "2024-05-13 05:31:00"
/// ```
///
/// `kind` is event, cdr or sms (what the push held); `signature` a `PushSignatureCheck` name
/// (default not-checked); `upstream` the customer's receiver's status in tap mode, or
/// `timeout` / `unreachable` when it gave none (absent: not forwarded). The status answered
/// to the platform is the upstream's, 504 or 502 for no answer, else 200.
extension RuleExample {
  static func loadReceiver(_ example: YAMLMapping) -> ReceiverObservation? {
    guard example.node("pushes") != nil || example.node("now") != nil else { return nil }
    guard let items = example.list("pushes"), let nowText = example.string("now") else {
      example.report(at: nil, key: "pushes", "an example with pushes needs both `pushes` and `now`")
      return nil
    }
    guard let now = Timestamp.parse(nowText) else {
      example.report(at: example.node("now"), key: "now", "`\(nowText)` is not a time (yyyy-MM-dd HH:mm:ss, UTC)")
      return nil
    }
    var pushes: [ReceiverReport.Push] = []
    for (index, item) in items.enumerated() {
      guard
        let spec = YAMLMapping(item, path: example.join("pushes[\(index)]"), file: example.file, issues: example.issues)
      else { return nil }
      guard let push = loadPush(spec, id: Int64(index + 1)) else { return nil }
      pushes.append(push)
    }
    return ReceiverObservation(pushes: pushes, now: now)
  }

  private static func loadPush(_ spec: YAMLMapping, id: Int64) -> ReceiverReport.Push? {
    spec.check(allowed: ["at", "kind", "signature", "upstream"], required: ["at", "kind"])
    guard let atText = spec.string("at"), let at = Timestamp.parse(atText) else {
      spec.report(at: spec.node("at"), key: "at", "expected a time (yyyy-MM-dd HH:mm:ss, UTC)")
      return nil
    }
    let kinds = [Message.Kind.callEvent, .detailRecord, .sms].map(\.shortName)
    guard let kind = spec.string("kind"), kinds.contains(kind) else {
      spec.report(at: spec.node("kind"), key: "kind", "expected one of: \(kinds.joined(separator: ", "))")
      return nil
    }
    var signature = PushSignatureCheck.notChecked
    if let name = spec.string("signature") {
      guard let check = PushSignatureCheck(name: name) else {
        spec.report(
          at: spec.node("signature"), key: "signature", "`\(name)` is not a signature check",
          hint: "one of: \(PushSignatureCheck.allCases.map(\.name).joined(separator: ", "))")
        return nil
      }
      signature = check
    }
    var push = ReceiverReport.Push(
      id: id, receivedMs: at.millisecondsSince1970, method: "POST", path: "/" + kind, kinds: [kind],
      disposition: .stored, signature: signature, answeredStatus: 200, reason: nil, upstreamStatus: nil,
      upstreamMicroseconds: nil, upstreamError: nil)
    if let upstream = spec.string("upstream") {
      push.upstreamMicroseconds = 1_000
      switch upstream {
      case "timeout":
        push.upstreamError = "timed out"
        push.answeredStatus = 504
      case "unreachable":
        push.upstreamError = "connection refused"
        push.answeredStatus = 502
      default:
        guard let status = Int(upstream), (100...599).contains(status) else {
          spec.report(at: spec.node("upstream"), key: "upstream", "expected an HTTP status, timeout or unreachable")
          return nil
        }
        push.upstreamStatus = status
        push.answeredStatus = status
      }
    }
    return push
  }
}
