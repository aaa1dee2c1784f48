/// One SMS notification push (`{"appKey":…,"smsEvent":{…}}`), or a bare `smsEvent`.
public struct SMSNotification: Sendable, Equatable {
  public var appKey: String?
  /// Unique id of the message (a long SMS's parts are reported once).
  public var smsIdentifier: String
  public var mode: SMSNotificationMode?
  /// The real sender.
  public var calling: String?
  /// The real receiver; only present once the platform has forwarded the message.
  public var called: String?
  /// The privacy number (X).
  public var virtualNumber: String?
  /// Event name as sent (`TextSMS`, older samples `Text SMS `).
  public var event: String?
  public var timestamp: Timestamp?
  public var subscriptionId: String?
  /// Message text, only when the "carry SMS content" feature is enabled.
  public var content: String?
  /// `extInfo.extParas`, in order. Documented keys: `splitNum`, how many messages were actually
  /// sent after splitting, and `direction`, the message's direction.
  public var extensionParameters: [(key: String, value: String)]
  /// Delivery result: 0 success; see the SMS result table for the rest.
  public var sendResult: Int?
  public var userData: String?
  /// Members of `smsEvent` pnsdoctor does not know, kept as they came.
  public var otherFields: [JSONObject.Member]

  public init(smsIdentifier: String) {
    self.smsIdentifier = smsIdentifier
    self.extensionParameters = []
    self.otherFields = []
  }

  /// The value of one `extParas` entry.
  public func extensionParameter(_ key: String) -> String? {
    extensionParameters.last { $0.key == key }?.value
  }

  public static func == (lhs: SMSNotification, rhs: SMSNotification) -> Bool {
    lhs.appKey == rhs.appKey && lhs.smsIdentifier == rhs.smsIdentifier && lhs.mode == rhs.mode
      && lhs.calling == rhs.calling && lhs.called == rhs.called
      && lhs.virtualNumber == rhs.virtualNumber && lhs.event == rhs.event
      && lhs.timestamp == rhs.timestamp && lhs.subscriptionId == rhs.subscriptionId
      && lhs.content == rhs.content && lhs.sendResult == rhs.sendResult
      && lhs.userData == rhs.userData && lhs.otherFields == rhs.otherFields
      && lhs.extensionParameters.elementsEqual(rhs.extensionParameters) { $0 == $1 }
  }
}

/// Notify (for information) or Block (the customer's server decides: forward or discard).
public enum SMSNotificationMode: Sendable, Hashable, CustomStringConvertible {
  case notify
  case block
  case other(String)

  public init(wireName: String) {
    switch wireName.lowercased() {
    case "notify": self = .notify
    case "block": self = .block
    default: self = .other(wireName)
    }
  }

  public var wireName: String {
    switch self {
    case .notify: return "Notify"
    case .block: return "Block"
    case .other(let name): return name
    }
  }

  public var description: String { wireName }
}
