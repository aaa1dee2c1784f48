import Foundation

/// Evaluates rule conditions against one subject, collecting the evidence that made them hold.
struct ConditionEvaluator {
  let knowledge: KnowledgeBase
  let subject: DiagnosisSubject
  /// Counts other calls near the subject (from the store, or a list; empty without either).
  let neighbours: any NeighbourCounting
  /// What the live receiver saw of the call's pushes; nil when it took none (its conditions
  /// then do not hold).
  var receiver: ReceiverObservation? = nil

  /// Whether `condition` holds, without gathering the evidence: the quick first pass of the
  /// engine, since most rules do not apply to a given call. Gives the same answer as
  /// `evaluate(_:).holds`.
  func holds(_ condition: Condition) -> Bool {
    switch condition {
    // Loops rather than `allSatisfy(holds)`: a method passed as a function copies the
    // evaluator (and the call it holds) each time, which was a tenth of an import's diagnosis.
    case .all(let parts):
      for part in parts where !holds(part) { return false }
      return true
    case .any(let parts):
      for part in parts where holds(part) { return true }
      return false
    case .not(let inner): return !holds(inner)
    case .code(let field, let match):
      guard let code = value(of: field) else { return false }
      switch match {
      case .codes(let codes): return codes.contains(code)
      case .range(let range): return range.contains(code)
      case .category(let category): return code != 0 && knowledge.meaning(of: code, in: field)?.category == category
      }
    case .present(let moment): return time(of: moment) != nil
    case .absent(let moment):
      guard case .call = subject else { return false }
      return time(of: moment) == nil
    default: return evaluate(condition).holds
    }
  }

  /// Whether `condition` holds, and the facts that show it.
  func evaluate(_ condition: Condition) -> (holds: Bool, evidence: [Evidence]) {
    switch condition {
    case .all(let parts):
      var evidence: [Evidence] = []
      for part in parts {
        let result = evaluate(part)
        guard result.holds else { return (false, []) }
        evidence += result.evidence
      }
      return (true, evidence)
    case .any(let parts):
      let matched = parts.map(evaluate).filter(\.holds)
      return (!matched.isEmpty, matched.flatMap(\.evidence))
    case .not(let inner):
      return (!evaluate(inner).holds, [])
    case .code(let field, let match):
      return code(field, match)
    case .mode(let modes):
      guard case .call(let call) = subject else { return (false, []) }
      let mode = call.mode
      guard modes.contains(where: { mode.mayBe($0) }) else { return (false, []) }
      return (true, [Evidence(field: "mode", value: mode.rawValue, meaning: FactWording.mode(mode))])
    case .present(let moment):
      guard let time = time(of: moment) else { return (false, []) }
      // Wire times are UTC; the label keeps them apart from times shown in the display zone.
      return (
        true, [Evidence(field: moment.wireName, value: time.description + " UTC", meaning: FactWording.present(moment))]
      )
    case .absent(let moment):
      guard case .call = subject, time(of: moment) == nil else { return (false, []) }
      return (true, [Evidence(field: moment.wireName, value: "-", meaning: FactWording.absent(moment))])
    case .duration(let from, let to, let atLeast, let atMost):
      guard let start = time(of: from), let end = time(of: to) else { return (false, []) }
      let seconds = start.seconds(until: end)
      if let atLeast, seconds < atLeast { return (false, []) }
      if let atMost, seconds > atMost { return (false, []) }
      let value = "\(Int(seconds.rounded()))s"
      return (
        true,
        [Evidence(field: "\(from.wireName)→\(to.wireName)", value: value, meaning: FactWording.duration(from, to))]
      )
    case .event(let type, let digits):
      return event(type, digits)
    case .lastEvent(let type):
      guard case .call(let call) = subject, let last = call.events.last, last.eventType == type else {
        return (false, [])
      }
      return (true, [Evidence(field: "lastEvent", value: type.wireName, meaning: FactWording.lastEvent)])
    case .numbersDiffer(let first, let second):
      guard let left = number(first), let right = number(second),
        PhoneNumber.normalize(left) != PhoneNumber.normalize(right)
      else { return (false, []) }
      return (
        true,
        [
          Evidence(field: first.rawValue, value: left, meaning: FactWording.differs(from: second), isPhoneNumber: true),
          Evidence(field: second.rawValue, value: right, meaning: nil, isPhoneNumber: true),
        ]
      )
    case .smsMode(let mode):
      guard case .sms(let sms) = subject, sms.mode == mode else { return (false, []) }
      return (true, [Evidence(field: "notificationMode", value: mode.wireName, meaning: FactWording.smsMode(mode))])
    case .contentMentionsNumber(let expected):
      guard case .sms(let sms) = subject, let content = sms.content else { return (false, []) }
      guard Self.mentionsNumber(content) == expected else { return (false, []) }
      return (
        true,
        [
          Evidence(
            field: "smsContent", value: expected ? "@…" : "(no @number)", meaning: FactWording.mentionsNumber(expected))
        ]
      )
    case .neighbours(let pattern):
      return neighbourPattern(pattern)
    case .textContains(let field, let phrases):
      guard let text = text(of: field),
        let phrase = phrases.first(where: { text.range(of: $0, options: .caseInsensitive) != nil })
      else { return (false, []) }
      return (true, [Evidence(field: field.rawValue, value: text, meaning: FactWording.contains(phrase))])
    case .pushSignature(let checks): return pushSignature(checks)
    case .upstreamFailed(let kind, let repush): return upstreamFailed(kind, repush: repush)
    case .cdrMissing(let window, let overdue): return cdrMissing(window: window, overdue: overdue)
    case .delivered(let atLeast):
      guard case .call(let call) = subject, call.detailRecord != nil, call.detailRecordDeliveries >= atLeast else {
        return (false, [])
      }
      return (
        true,
        [Evidence(field: "deliveries", value: String(call.detailRecordDeliveries), meaning: FactWording.deliveries)]
      )
    }
  }

  // MARK: - Facts of the subject

  /// The value of a code field, when the subject carries it.
  func value(of field: CodeField) -> Int? {
    switch (subject, field) {
    case (.call(let call), .stateCode): return call.stateCode
    case (.call(let call), .ulFailReason): return call.detailRecord?.releasePoint
    case (.call(let call), .fwdUnaswRsn): return call.detailRecord?.forwardUnansweredReason
    case (.call(let call), .callOutUnaswRsn): return call.detailRecord?.callOutUnansweredReason
    case (.call(let call), .sipStatusCode): return call.detailRecord?.sipStatusCode
    case (.sms(let sms), .sendResult): return sms.sendResult
    case (.api(let response), .resultcode): return Int(response.resultCode)
    default: return nil
    }
  }

  private func text(of field: TextField) -> String? {
    switch (subject, field) {
    case (.api(let response), .resultdesc): return response.resultDescription
    case (.call(let call), .stateDesc): return call.event(.disconnect)?.stateDescription
    case (.sms(let sms), .smsContent): return sms.content
    default: return nil
    }
  }

  private func code(_ field: CodeField, _ match: CodeMatch) -> (holds: Bool, evidence: [Evidence]) {
    // The match itself is `holds`'s (0 never matches by category: it means "no cause").
    guard holds(.code(field: field, match: match)), let code = value(of: field) else { return (false, []) }
    let meaning = knowledge.meaning(of: code, in: field)?.meaning ?? FactWording.unknownCode
    return (true, [Evidence(field: field.rawValue, value: String(code), meaning: meaning)])
  }


  private func time(of moment: CallMoment) -> Timestamp? {
    guard case .call(let call) = subject else { return nil }
    switch moment {
    case .callIn: return call.detailRecord?.callInTime ?? call.event(.callIn)?.timestamp
    case .forwarded: return call.detailRecord?.forwardStartTime ?? call.event(.callOut)?.timestamp
    case .alerting: return call.alertingTime
    case .answered: return call.answerTime
    case .ended: return call.endTime
    case .failed: return call.detailRecord?.failTime
    }
  }

  private func event(_ type: CallEventType, _ digits: DigitsExpectation) -> (holds: Bool, evidence: [Evidence]) {
    guard case .call(let call) = subject else { return (false, []) }
    let candidates = call.events.filter { $0.eventType == type }
    let matching = candidates.first { event in
      let collected = event.collectedDigits ?? ""
      switch digits {
      case .any: return true
      case .empty: return collected.isEmpty
      case .nonEmpty: return !collected.isEmpty
      }
    }
    guard let found = matching else { return (false, []) }
    if type == .collectInfo {
      let digitsText = found.collectedDigits ?? ""
      return (
        true,
        [
          Evidence(
            field: "collectInfo.digitInfo", value: digitsText.isEmpty ? "(none)" : digitsText,
            meaning: FactWording.collectedDigits(empty: digitsText.isEmpty))
        ]
      )
    }
    return (true, [Evidence(field: "eventType", value: type.wireName, meaning: nil)])
  }

  private func number(_ field: NumberField) -> String? {
    guard case .call(let call) = subject else { return nil }
    let record = call.detailRecord
    switch field {
    case .bindNum: return record?.bindNumber ?? call.privacyNumber
    case .callerNum: return record?.callerNumber ?? call.caller
    case .calleeNum: return record?.calleeNumber
    case .fwdDisplayNum: return record?.forwardDisplayNumber
    case .fwdDstNum: return record?.forwardDestinationNumber ?? call.callee
    }
  }

  /// Whether SMS text carries `@` followed by a number (an AX sender naming the receiver).
  static func mentionsNumber(_ content: String) -> Bool {
    guard let at = content.lastIndex(of: "@") else { return false }
    let digits = content[content.index(after: at)...].filter { !$0.isWhitespace && $0 != "+" && $0 != "-" }
    return digits.count >= 5 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
  }

  private func neighbourPattern(_ pattern: NeighbourPattern) -> (holds: Bool, evidence: [Evidence]) {
    guard case .call(let call) = subject, call.startTime != nil else { return (false, []) }
    let count = neighbours.count(pattern, around: call, knowledge: knowledge)
    guard count >= pattern.atLeast else { return (false, []) }
    return (true, [Evidence(field: "neighbours", value: String(count), meaning: FactWording.neighbours(pattern))])
  }
}
