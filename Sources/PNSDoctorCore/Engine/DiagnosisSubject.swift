/// What can be diagnosed: a call (its events and CDR), an SMS notification, or an API response.
public enum DiagnosisSubject: Sendable, Equatable {
  case call(Call)
  case sms(SMSNotification)
  case api(APIResponse)

  public var kind: SubjectKind {
    switch self {
    case .call: return .call
    case .sms: return .sms
    case .api: return .api
    }
  }

  /// The id shown for it: the session id, the SMS identifier or the result code.
  public var id: String {
    switch self {
    case .call(let call): return call.sessionId
    case .sms(let sms): return sms.smsIdentifier
    case .api(let response): return response.resultCode
    }
  }

  /// Groups messages into subjects in the order they first appear: the events and CDRs of one
  /// session become one call (the first CDR counts, as in the store), each SMS notification and
  /// API response is its own subject.
  public static func subjects(from messages: [Message]) -> [DiagnosisSubject] {
    var order: [(kind: SubjectKind, key: String, index: Int)] = []
    var events: [String: [CallEvent]] = [:]
    var records: [String: CallDetailRecord] = [:]
    var deliveries: [String: Int] = [:]
    var others: [DiagnosisSubject] = []
    for message in messages {
      switch message {
      case .callEvent(let event):
        if events[event.sessionId] == nil && records[event.sessionId] == nil {
          order.append((.call, event.sessionId, 0))
        }
        events[event.sessionId, default: []].append(event)
      case .callDetailRecord(let record):
        if events[record.sessionId] == nil && records[record.sessionId] == nil {
          order.append((.call, record.sessionId, 0))
        }
        if records[record.sessionId] == nil { records[record.sessionId] = record }
        // The same CDR more than once in the input is a re-push.
        if records[record.sessionId] == record { deliveries[record.sessionId, default: 0] += 1 }
      case .sms(let sms):
        order.append((.sms, "", others.count))
        others.append(.sms(sms))
      case .apiResponse(let response):
        order.append((.api, "", others.count))
        others.append(.api(response))
      }
    }
    return order.map { entry in
      entry.kind == .call
        ? .call(
          Call(
            sessionId: entry.key, events: Self.unique(events[entry.key] ?? []), detailRecord: records[entry.key],
            detailRecordDeliveries: deliveries[entry.key] ?? 1))
        : others[entry.index]
    }
  }

  /// Events without repeats (a re-pushed event appears twice in a log).
  static func unique(_ events: [CallEvent]) -> [CallEvent] {
    var seen: [CallEvent] = []
    for event in events where !seen.contains(event) { seen.append(event) }
    return seen
  }
}
