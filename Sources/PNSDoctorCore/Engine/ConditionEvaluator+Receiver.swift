/// The receiver's condition forms, judged from first-hand evidence (`ReceiverObservation`): a
/// push's signature check, the customer's receiver's answers in tap mode with the platform's
/// re-push schedule, and a CDR that did not come. None holds without an observation.
extension ConditionEvaluator {
  func pushSignature(_ checks: Set<PushSignatureCheck>) -> (holds: Bool, evidence: [Evidence]) {
    guard case .call = subject, let receiver else { return (false, []) }
    let matched = receiver.pushes.filter { checks.contains($0.signature) }
    guard !matched.isEmpty else { return (false, []) }
    return (
      true,
      matched.map { push in
        Evidence(
          field: "push #\(push.id)", value: Self.describe(push) + ", signature \(push.signature.name)",
          meaning: FactWording.signature(push.signature))
      }
    )
  }

  func upstreamFailed(_ kind: Message.Kind, repush: RepushStage?) -> (holds: Bool, evidence: [Evidence]) {
    guard case .call = subject, let receiver else { return (false, []) }
    let failed = receiver.upstreamFailures(of: kind)
    guard let first = failed.first, let last = failed.last else { return (false, []) }
    // Taken in the end: a later push of the same kind the customer's receiver answered 200.
    let takenLater = receiver.pushes.contains { push in
      push.kinds == [kind.shortName] && push.upstreamStatus == 200 && push.receivedMs > last.receivedMs
    }
    if takenLater && kind == .detailRecord { return (false, []) }
    var evidence = failed.map { push in
      Evidence(field: "push #\(push.id)", value: Self.describe(push), meaning: FactWording.upstreamAnswer)
    }
    guard kind == .detailRecord else { return (true, evidence) }
    let next = RepushSchedule.next(
      .detailRecord, firstAttempt: Timestamp(millisecondsSince1970: first.receivedMs), failedAttempts: failed.count)
    let stage: RepushStage
    switch next {
    case .retry(let number, let time):
      stage = time > receiver.now ? .pending : .due
      evidence.append(
        Evidence(
          field: "nextRepush", value: "\(time) UTC (retry \(number) of \(RepushSchedule.retryMinutes.count))",
          meaning: FactWording.nextRepush(stage)))
    case .retryAtConfiguredInterval:
      stage = .pending
    case .givenUp:
      stage = .givenUp
      evidence.append(
        Evidence(field: "nextRepush", value: "none: \(failed.count) attempts failed", meaning: FactWording.givenUp))
    }
    guard repush == nil || repush == stage else { return (false, []) }
    return (true, evidence)
  }

  func cdrMissing(window: Double, overdue: Bool) -> (holds: Bool, evidence: [Evidence]) {
    guard case .call(let call) = subject, let receiver, !receiver.pushes.isEmpty, call.detailRecord == nil,
      let end = call.endTime
    else { return (false, []) }
    // From the call's end, or from the receiver's first push of it when that came later (a
    // receiver started late, or an event re-pushed): the CDR's pushes are no earlier.
    let start = max(end.millisecondsSince1970, receiver.pushes.first?.receivedMs ?? end.millisecondsSince1970)
    let until = Timestamp(millisecondsSince1970: start + Int64(window * 1000))
    guard (until < receiver.now) == overdue else { return (false, []) }
    return (
      true,
      [
        Evidence(field: "callEndTime", value: "\(end) UTC", meaning: FactWording.present(.ended)),
        Evidence(
          field: "cdrExpectedBy", value: "\(until) UTC",
          meaning: FactWording.cdrExpected(pushes: receiver.pushes.count, overdue: overdue)),
      ]
    )
  }

  /// A push as evidence: what it held, the status answered to the platform, and the customer's
  /// receiver's answer (never its path: a path may hold a number).
  static func describe(_ push: ReceiverReport.Push) -> String {
    var value =
      "\(push.kinds.first ?? "none") \(push.method) at \(Timestamp(millisecondsSince1970: push.receivedMs)) UTC"
      + " → \(push.answeredStatus)"
    if let status = push.upstreamStatus { value += ", upstream \(status)" }
    if let error = push.upstreamError { value += ", upstream \(error)" }
    return value
  }
}
