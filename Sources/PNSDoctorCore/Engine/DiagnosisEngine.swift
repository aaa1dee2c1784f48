/// Diagnoses calls, SMS notifications and API responses with a knowledge base.
///
/// A pure, deterministic function: the same knowledge, subject and neighbours always give the
/// same diagnosis. Each rule's triggers that hold add up (several pieces of evidence for one
/// cause raise its confidence: 1 − Π(1 − cᵢ)), and each piece of contradicting evidence
/// multiplies it by its factor. A subject that succeeded gets verdict `ok` and only the
/// findings of rules marked `alsoForSuccess`.
///
/// ```swift
/// let engine = DiagnosisEngine(knowledge: base)
/// let diagnosis = engine.diagnose(.call(call), neighbours: nearbyCalls)
/// diagnosis.findings.first?.ruleId  // "callee-powered-off"
/// ```
public struct DiagnosisEngine: Sendable {
  public let knowledge: KnowledgeBase

  public init(knowledge: KnowledgeBase) {
    self.knowledge = knowledge
  }

  /// Diagnoses one subject.
  /// - Parameter neighbours: other calls near the subject in time (for pattern rules); empty
  ///   when there is no store.
  public func diagnose(
    _ subject: DiagnosisSubject, neighbours: [Call] = [], receiver: ReceiverObservation? = nil
  ) -> Diagnosis {
    diagnose(subject, counting: NeighbourList(neighbours), receiver: receiver)
  }

  /// Diagnoses one subject, asking `counter` about neighbouring calls when a pattern rule needs
  /// them (a store-backed counter answers in SQL).
  /// - Parameter receiver: what the live receiver saw of the call's pushes, for the delivery
  ///   rules that judge it; nil when it took none.
  public func diagnose(
    _ subject: DiagnosisSubject, counting counter: any NeighbourCounting, receiver: ReceiverObservation? = nil
  ) -> Diagnosis {
    let verdict = Self.verdict(of: subject)
    let evaluator = ConditionEvaluator(knowledge: knowledge, subject: subject, neighbours: counter, receiver: receiver)
    var findings: [Finding] = []
    var fallbacks: [Finding] = []
    var deliveries: [Finding] = []
    for rule in knowledge.rules(for: subject.kind) where verdict != .ok || rule.alsoForSuccess {
      guard let finding = evaluate(rule, with: evaluator) else { continue }
      if rule.isDelivery {
        deliveries.append(finding)
      } else if rule.isFallback {
        fallbacks.append(finding)
      } else {
        findings.append(finding)
      }
    }
    // A fallback speaks only for a side nothing more specific explains.
    let explained = Set(findings.map(\.category))
    findings += fallbacks.filter { !explained.contains($0.category) }
    let order: (Finding, Finding) -> Bool = {
      $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.ruleId < $1.ruleId
    }
    return Diagnosis(
      kind: subject.kind, id: subject.id, verdict: verdict, findings: findings.sorted(by: order),
      deliveryFindings: deliveries.sorted(by: order))
  }

  private func evaluate(_ rule: Rule, with evaluator: ConditionEvaluator) -> Finding? {
    // A quick pass without evidence first: most rules do not apply, and gathering evidence
    // (wording, decoded meanings) is what costs.
    if let guardCondition = rule.guardCondition, !evaluator.holds(guardCondition) { return nil }
    guard rule.triggers.contains(where: { evaluator.holds($0.condition) }) else { return nil }
    var evidence: [Evidence] = []
    if let guardCondition = rule.guardCondition {
      let result = evaluator.evaluate(guardCondition)
      guard result.holds else { return nil }
      evidence += result.evidence
    }
    var doubt = 1.0
    var matched = false
    for trigger in rule.triggers {
      let result = evaluator.evaluate(trigger.condition)
      guard result.holds else { continue }
      matched = true
      doubt *= 1 - trigger.confidence
      evidence += result.evidence
    }
    guard matched else { return nil }
    var confidence = 1 - doubt
    for counter in rule.against where evaluator.evaluate(counter.condition).holds {
      confidence *= counter.factor
    }
    var unique: [Evidence] = []
    for item in evidence where !unique.contains(item) { unique.append(item) }
    return Finding(
      ruleId: rule.id, ruleRevision: rule.revision, title: rule.title, category: rule.category, basis: rule.basis,
      confidence: (confidence * 100).rounded() / 100, cause: rule.cause, nextSteps: rule.nextSteps.filter { step in step.condition.map(evaluator.holds) ?? true }.map(\.text),
      evidence: unique,
      references: rule.references)
  }

  /// Whether the subject worked: a call answered, an SMS sent, an API call that returned 0.
  public static func verdict(of subject: DiagnosisSubject) -> Verdict {
    switch subject {
    case .call(let call):
      switch call.outcome {
      case .answered: return .ok
      case .failed: return .failed
      case .inProgress: return .unknown
      }
    case .sms(let sms):
      guard let result = sms.sendResult else { return .unknown }
      // A Block notification asks the customer's server to decide; its result comes later.
      if sms.mode == .block && result == 0 { return .pending }
      return result == 0 ? .ok : .failed
    case .api(let response):
      return response.isSuccess ? .ok : .failed
    }
  }
}
