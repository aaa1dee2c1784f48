/// A declarative condition of a rule, evaluated against a call, an SMS notification or an API
/// response (see `ConditionEvaluator`). Written in YAML as a one-key mapping; the forms are
/// documented in `Knowledge/README.md`.
public indirect enum Condition: Sendable, Equatable {
  case all([Condition])
  case any([Condition])
  case not(Condition)
  /// A code field holds one of the codes, a code in a span, or a code of a category.
  case code(field: CodeField, match: CodeMatch)
  /// The call went through one of these modes (`AXB` also accepts a call recorded as `AXB/X`).
  case mode([CallMode])
  /// A moment of the call is known (forwarded, rang, answered...).
  case present(CallMoment)
  case absent(CallMoment)
  /// Seconds between two moments of the call, both known.
  case duration(from: CallMoment, to: CallMoment, atLeast: Double?, atMost: Double?)
  /// The call has an event of this type (with collected digits empty, non-empty or any).
  case event(CallEventType, digits: DigitsExpectation)
  /// The last event of the call is of this type.
  case lastEvent(CallEventType)
  /// Two number fields are both present and differ.
  case numbersDiffer(NumberField, NumberField)
  /// The SMS notification is in this mode.
  case smsMode(SMSNotificationMode)
  /// The SMS text is known and does (or does not) end in `@number`.
  case contentMentionsNumber(Bool)
  /// A text field contains one of the phrases, ignoring case (`resultdesc` tells the two
  /// meanings of API code 1010010 apart).
  case textContains(TextField, [String])
  /// The CDR was delivered at least this many times (re-pushes count).
  case delivered(atLeast: Int)
  /// Enough other calls from the store, near this one in time and sharing keys with it, match
  /// a condition: the patterns that only show across calls.
  case neighbours(NeighbourPattern)
  /// The live receiver took a push of this call whose signature check was one of these
  /// (`ReceiverObservation`; silent without one).
  case pushSignature(Set<PushSignatureCheck>)
  /// In tap mode the customer's receiver did not answer 200 to a push of this call holding
  /// messages of `kind` (an event or the CDR), and, for the CDR, the platform's re-push is at
  /// `repush` (any stage when nil).
  case upstreamFailed(kind: Message.Kind, repush: RepushStage?)
  /// The receiver took pushes of this ended call but no CDR, and `window` seconds after its end
  /// (or after the receiver's first push of it, when later) have passed (`overdue`) or not yet.
  case cdrMissing(window: Double, overdue: Bool)
}

/// Where the platform's re-pushing of a CDR the customer's receiver did not take stands, at
/// the moment of the diagnosis (`RepushSchedule`).
public enum RepushStage: String, Sendable, CaseIterable {
  /// Its next try is still to come.
  case pending
  /// A try was due and the receiver has not seen it (the platform may have stopped early, or
  /// the push went around the receiver).
  case due
  /// Six re-pushes failed: it will not come by push.
  case givenUp
}

/// The code fields a condition can test, by their wire names.
public enum CodeField: String, Sendable, CaseIterable {
  case stateCode, ulFailReason, fwdUnaswRsn, callOutUnaswRsn, sipStatusCode, sendResult, resultcode
}

/// How a code condition matches.
public enum CodeMatch: Sendable, Equatable {
  case codes(Set<Int>)
  case range(ClosedRange<Int>)
  /// Any code whose entry in the field's table has this category.
  case category(CodeCategory)
}

/// The moments of a call a condition can test.
public enum CallMoment: String, Sendable, CaseIterable {
  /// The call reached the privacy number.
  case callIn
  /// The platform started the forwarded leg.
  case forwarded
  /// The callee's phone rang.
  case alerting
  case answered
  case ended
  /// The CDR names a failure time.
  case failed
}

/// What a condition expects of collected digits.
public enum DigitsExpectation: String, Sendable {
  case any, empty, nonEmpty
}

/// The free-text fields a condition can search.
public enum TextField: String, Sendable, CaseIterable {
  /// API responses.
  case resultdesc
  /// Disconnect events.
  case stateDesc
  /// SMS notifications, when the platform sends the text.
  case smsContent
}

/// The number fields a condition can compare.
public enum NumberField: String, Sendable, CaseIterable {
  /// The privacy number (X): `bindNum`.
  case bindNum
  case callerNum, calleeNum, fwdDisplayNum, fwdDstNum
}

/// A pattern over neighbouring calls: how many calls within `window` seconds of this one, with
/// the same keys, satisfy `match`.
public struct NeighbourPattern: Sendable, Equatable {
  public var window: Double
  public var sameCaller: Bool
  public var samePrivacyNumber: Bool
  /// When set, the callees' numbers must share this many leading characters with this call's
  /// callee (a number block, roughly an area).
  public var calleePrefixLength: Int?
  public var match: Condition?
  public var atLeast: Int
}
