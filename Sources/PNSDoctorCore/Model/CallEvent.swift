/// One call event push (`{"eventType":…,"statusInfo":{…}}`), or a bare `statusInfo` object.
///
/// Field meanings follow the platform's CallStatusInfo table; `timestamp` is a UTC time despite
/// its name.
public struct CallEvent: Sendable, Equatable {
  /// What happened. `nil` for a bare `statusInfo` whose kind cannot be told.
  public var eventType: CallEventType?
  /// True when `eventType` was not on the wire but deduced (a bare `statusInfo` with a
  /// `stateCode` is a disconnect, the only event that carries one).
  public var eventTypeInferred: Bool
  /// Joins all events and the CDR of one call.
  public var sessionId: String
  public var timestamp: Timestamp?
  public var caller: String?
  public var called: String?
  /// Hang-up cause, only in `disconnect`.
  public var stateCode: Int?
  public var stateDescription: String?
  public var subscriptionId: String?
  public var userData: String?
  /// X mode: 1 the caller hung up, 2 the callee hung up.
  public var callReleaseDirection: Int?
  /// Digits collected in an AXE `collectInfo` event. The platform's field name for them is not
  /// documented; pnsdoctor reads `digitInfo`, the name the same platform's voice API uses.
  public var collectedDigits: String?
  /// `statusInfo` members pnsdoctor does not know, kept as they came.
  public var otherFields: [JSONObject.Member]

  public init(
    eventType: CallEventType?, eventTypeInferred: Bool = false, sessionId: String,
    timestamp: Timestamp? = nil, caller: String? = nil, called: String? = nil,
    stateCode: Int? = nil, stateDescription: String? = nil, subscriptionId: String? = nil,
    userData: String? = nil, callReleaseDirection: Int? = nil, collectedDigits: String? = nil,
    otherFields: [JSONObject.Member] = []
  ) {
    self.eventType = eventType
    self.eventTypeInferred = eventTypeInferred
    self.sessionId = sessionId
    self.timestamp = timestamp
    self.caller = caller
    self.called = called
    self.stateCode = stateCode
    self.stateDescription = stateDescription
    self.subscriptionId = subscriptionId
    self.userData = userData
    self.callReleaseDirection = callReleaseDirection
    self.collectedDigits = collectedDigits
    self.otherFields = otherFields
  }
}

/// The kinds of call event the platform pushes.
public enum CallEventType: Sendable, Hashable, CustomStringConvertible {
  case callIn, callOut, alerting, answer, disconnect
  /// AXE only, when the callee side is A: the extension digits were collected.
  case collectInfo
  /// A name the platform may add later; kept as sent.
  case other(String)

  public init(wireName: String) {
    switch wireName {
    case "callin": self = .callIn
    case "callout": self = .callOut
    case "alerting": self = .alerting
    case "answer": self = .answer
    case "disconnect": self = .disconnect
    case "collectInfo": self = .collectInfo
    default: self = .other(wireName)
    }
  }

  /// The name as the platform writes it.
  public var wireName: String {
    switch self {
    case .callIn: return "callin"
    case .callOut: return "callout"
    case .alerting: return "alerting"
    case .answer: return "answer"
    case .disconnect: return "disconnect"
    case .collectInfo: return "collectInfo"
    case .other(let name): return name
    }
  }

  public var description: String { wireName }

  /// Position in a normal call's life, to order events that share a timestamp.
  var lifecycleOrder: Int {
    switch self {
    case .callIn: return 0
    case .collectInfo: return 1
    case .callOut: return 2
    case .alerting: return 3
    case .answer: return 4
    case .other: return 5
    case .disconnect: return 6
    }
  }
}
