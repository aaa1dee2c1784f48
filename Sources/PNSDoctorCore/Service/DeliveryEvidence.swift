/// What the live receiver saw of one call's pushes, and what it means for their delivery:
/// findings beside the call's causes, never its cause. First-hand only: a call the receiver
/// took no push of gets none.
///
/// - a push whose signature did not verify, or carried none;
/// - a push the customer's receiver (tap mode) did not answer 200: when the platform tries
///   again, or that it has given up (`RepushSchedule`);
/// - a finished call without a CDR: still expected within the re-push window after its end,
///   lost to the push channel after it (the console's 业务详单 keeps it 31 days).
public struct DeliveryEvidence: Sendable, Equatable {
  /// One thing the receiver's records say about this call's delivery.
  public struct Finding: Sendable, Equatable {
    /// A stable id (`receiver-…`), as a rule's.
    public var id: String
    public var text: LocalizedText
    public var nextStep: LocalizedText?
    /// The pushes it rests on.
    public var pushIds: [Int64]
    /// Whether the platform's documents say it (the re-push schedule, FAQ pn_faq_00028), or
    /// it is our reading (a CDR window's margin).
    public var basis: RuleBasis
  }

  public var pushes: [ReceiverReport.Push]
  public var findings: [Finding]

  /// The findings as a diagnosis shows delivery findings: beside the causes, never one.
  public var diagnosisFindings: [PNSDoctorCore.Finding] {
    findings.map { finding in
      PNSDoctorCore.Finding(
        ruleId: finding.id, ruleRevision: 1, title: finding.text, category: .tenant, basis: finding.basis,
        confidence: 0.9, cause: finding.text, nextSteps: finding.nextStep.map { [$0] } ?? [],
        evidence: finding.pushIds.compactMap { id in pushes.first { $0.id == id } }.map(Self.evidence),
        references: ["pn_faq_00028"])
    }
  }

  /// A push as evidence: its number, and what it held and was answered.
  private static func evidence(_ push: ReceiverReport.Push) -> Evidence {
    var value = "\(push.kinds.first ?? "none") \(push.method) \(push.path) → \(push.answeredStatus)"
    if let status = push.upstreamStatus { value += ", upstream \(status)" }
    if let error = push.upstreamError { value += ", upstream \(error)" }
    if push.signature.isFailure { value += ", signature \(push.signature.name)" }
    return Evidence(field: "push #\(push.id)", value: value, meaning: nil)
  }

  /// How long after a call's end its CDR may still come by push: the last re-push (300 min)
  /// after a first attempt that may itself come some minutes after the end.
  public static let cdrWindowMs: Int64 = Int64(RepushSchedule.retryMinutes.last ?? 300) * 60_000 + 10 * 60_000

  /// Assesses `call`'s `pushes` at `nowMs`; `format` writes a time for the engineer.
  public static func assess(
    call: Call, pushes: [ReceiverReport.Push], nowMs: Int64, format: (Timestamp) -> String
  ) -> DeliveryEvidence {
    var findings: [Finding] = []
    guard !pushes.isEmpty else { return DeliveryEvidence(pushes: [], findings: []) }
    let mismatched = pushes.filter { $0.signature == .digestMismatch }.map(\.id)
    if !mismatched.isEmpty {
      findings.append(
        Finding(
          id: "receiver-signature-mismatch",
          text: LocalizedText(
            english: "a push of this call had a signature that did not verify",
            chinese: "此呼叫的推送签名校验失败"),
          nextStep: LocalizedText(
            english: "check the app secret in the receiver's credentials file against the console's",
            chinese: "核对接收端凭据文件中的 app secret 与控制台是否一致"), pushIds: mismatched, basis: .inferred))
    }
    let unsigned = pushes.filter { $0.signature == .unsigned }.map(\.id)
    if !unsigned.isEmpty {
      findings.append(
        Finding(
          id: "receiver-unsigned",
          text: LocalizedText(english: "a push of this call carried no signature", chinese: "此呼叫的推送未携带签名"),
          nextStep: LocalizedText(
            english: "it may not come from the platform, or the app's push signing is off",
            chinese: "可能不是平台发出的，或应用未开启推送签名"), pushIds: unsigned, basis: .inferred))
    }
    for kind in [Message.Kind.callEvent, .detailRecord] {
      let failed = pushes.filter { push in
        push.kinds == [kind.shortName] && push.upstreamMicroseconds != nil && push.upstreamStatus != 200
      }
      guard let first = failed.first, let last = failed.last else { continue }
      let answer = last.upstreamStatus.map { "HTTP \($0)" } ?? (last.upstreamError ?? "no answer")
      let name = kind == .detailRecord ? LocalizedText(english: "CDR", chinese: "话单") : LocalizedText(english: "call event", chinese: "呼叫事件")
      let next = RepushSchedule.next(
        kind == .detailRecord ? .detailRecord : .callEvent, firstAttempt: Timestamp(millisecondsSince1970: first.receivedMs),
        failedAttempts: failed.count)
      let step: LocalizedText
      switch next {
      case .retry(let number, let time) where time.millisecondsSince1970 > nowMs:
        step = LocalizedText(
          english: "the platform pushes it again at \(format(time)) (retry \(number) of 6); fix the receiver before then",
          chinese: "平台将于 \(format(time)) 重推（第 \(number)/6 次）；请在此之前修复接收端")
      case .retry, .retryAtConfiguredInterval:
        step = LocalizedText(
          english: "a re-push was due and has not been answered 200 since: check the customer's receiver",
          chinese: "应有的重推仍未得到 200 应答：请检查客户的接收端")
      case .givenUp:
        step = LocalizedText(
          english: "the platform has given up pushing it: find it in the console's 业务详单 (kept 31 days)",
          chinese: "平台已停止重推：请在控制台业务详单中查找（保留 31 天）")
      }
      findings.append(
        Finding(
          id: "receiver-upstream-\(kind.shortName)",
          text: LocalizedText(
            english: "the customer's receiver answered \(answer) to \(failed.count) \(name.english) push(es) of this call",
            chinese: "客户的接收端对此呼叫的 \(failed.count) 个\(name.chinese)推送应答 \(answer)"),
          nextStep: step, pushIds: failed.map(\.id), basis: .documented))
    }
    if call.detailRecord == nil, let end = call.endTime {
      let until = end.millisecondsSince1970 + cdrWindowMs
      let seen = pushes.map(\.id)
      findings.append(
        until < nowMs
          ? Finding(
            id: "receiver-cdr-never-arrived",
            text: LocalizedText(
              english: "no CDR arrived for this finished call within the platform's re-push window",
              chinese: "此已结束的呼叫在平台重推时限内未收到话单"),
            nextStep: LocalizedText(
              english: "it will not come by push any more: find it in the console's 业务详单 (kept 31 days), and check the fee URL",
              chinese: "不会再通过推送到达：请在控制台业务详单中查找（保留 31 天），并检查话单推送地址"),
            pushIds: seen, basis: .inferred)
          : Finding(
            id: "receiver-cdr-pending",
            text: LocalizedText(english: "no CDR yet for this finished call", chinese: "此已结束的呼叫尚未收到话单"),
            nextStep: LocalizedText(
              english: "the platform may still push it until about \(format(Timestamp(millisecondsSince1970: until)))",
              chinese: "平台最晚约在 \(format(Timestamp(millisecondsSince1970: until))) 前仍可能推送"),
            pushIds: seen, basis: .inferred))
    }
    return DeliveryEvidence(pushes: pushes, findings: findings)
  }
}
