/// Counts the calls near a call that fit a pattern rule's `neighbours` condition.
///
/// Pattern rules ask how many calls around a call share its caller, privacy number or callee
/// number block (and optionally match a condition). The engine asks only when a rule's other
/// conditions already hold, so a store-backed counter pays for the question only for the few
/// calls that need the answer.
public protocol NeighbourCounting {
  /// How many calls other than `call` fit `pattern` around it.
  func count(_ pattern: NeighbourPattern, around call: Call, knowledge: KnowledgeBase) -> Int
}

/// Neighbours given as a list of calls: a paste's other calls, or a test's.
public struct NeighbourList: NeighbourCounting {
  public let calls: [Call]

  public init(_ calls: [Call]) {
    self.calls = calls
  }

  public func count(_ pattern: NeighbourPattern, around call: Call, knowledge: KnowledgeBase) -> Int {
    calls.filter { Self.fits($0, pattern, around: call, knowledge: knowledge) }.count
  }

  /// Whether `other` fits `pattern` around `call`. The store's counter gives the same answer
  /// in SQL where it can, and calls this where it cannot.
  static func fits(_ other: Call, _ pattern: NeighbourPattern, around call: Call, knowledge: KnowledgeBase) -> Bool {
    guard other.sessionId != call.sessionId, let start = call.startTime, let otherStart = other.startTime,
      abs(start.seconds(until: otherStart)) <= pattern.window
    else { return false }
    if pattern.sameCaller && (other.caller == nil || other.caller != call.caller) { return false }
    if pattern.samePrivacyNumber && (other.privacyNumber == nil || other.privacyNumber != call.privacyNumber) {
      return false
    }
    if let length = pattern.calleePrefixLength {
      guard let mine = call.callee, let theirs = other.callee, mine.count >= length,
        mine.prefix(length) == theirs.prefix(length)
      else { return false }
    }
    guard let match = pattern.match else { return true }
    let evaluator = ConditionEvaluator(knowledge: knowledge, subject: .call(other), neighbours: NeighbourList([]))
    return evaluator.evaluate(match).holds
  }
}
