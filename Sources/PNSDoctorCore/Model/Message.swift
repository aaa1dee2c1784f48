/// One message read from an input: what the platform pushed, or an API response.
public enum Message: Sendable, Equatable {
  case callEvent(CallEvent)
  case callDetailRecord(CallDetailRecord)
  case sms(SMSNotification)
  case apiResponse(APIResponse)

  /// The call this message belongs to, for events and CDRs.
  public var sessionId: String? {
    switch self {
    case .callEvent(let event): return event.sessionId
    case .callDetailRecord(let record): return record.sessionId
    case .sms, .apiResponse: return nil
    }
  }

  /// The kinds of message, with the number the store keeps for each (never renumbered).
  public enum Kind: UInt8, Sendable, CaseIterable {
    case callEvent = 1
    case detailRecord = 2
    case sms = 3
    case apiResponse = 4
  }

  /// This message's kind.
  public var kind: Kind {
    switch self {
    case .callEvent: return .callEvent
    case .callDetailRecord: return .detailRecord
    case .sms: return .sms
    case .apiResponse: return .apiResponse
    }
  }

  /// A short name of the kind, for reports.
  public var kindName: String {
    switch self {
    case .callEvent: return "call event"
    case .callDetailRecord: return "CDR"
    case .sms: return "SMS notification"
    case .apiResponse: return "API response"
    }
  }
}

extension Message.Kind {
  /// A short name, for the receiver's reports, metrics and JSON: event, cdr, sms, api-response.
  public var shortName: String {
    switch self {
    case .callEvent: return "event"
    case .detailRecord: return "cdr"
    case .sms: return "sms"
    case .apiResponse: return "api-response"
    }
  }

  /// The name of what a push held: its one kind's short name, "mixed", or "none".
  public static func shortName(of kinds: Set<Message.Kind>) -> String {
    guard kinds.count == 1, let kind = kinds.first else { return kinds.isEmpty ? "none" : "mixed" }
    return kind.shortName
  }
}
