/// A call: every event and the CDR that share one `sessionId`, read together.
///
/// Who called whom through which number comes from the CDR when there is one (the platform warns
/// that the numbers in some modes' events are not the real ones) and from the events otherwise.
public struct Call: Sendable, Equatable {
  public var sessionId: String
  /// Events in the order they happened.
  public var events: [CallEvent]
  /// The CDR, once it has arrived.
  public var detailRecord: CallDetailRecord?
  /// How many times the CDR was delivered: more than once means the platform re-pushed it,
  /// because the customer's receiver did not answer 200 in time.
  public var detailRecordDeliveries: Int

  public init(sessionId: String, events: [CallEvent], detailRecord: CallDetailRecord?, detailRecordDeliveries: Int = 1)
  {
    self.sessionId = sessionId
    self.detailRecord = detailRecord
    self.detailRecordDeliveries = detailRecord == nil ? 0 : max(1, detailRecordDeliveries)
    self.events = events.enumerated().sorted { lhs, rhs in
      let left = lhs.element.timestamp ?? Timestamp(millisecondsSince1970: .max)
      let right = rhs.element.timestamp ?? Timestamp(millisecondsSince1970: .max)
      if left != right { return left < right }
      let leftOrder = lhs.element.eventType?.lifecycleOrder ?? 5
      let rightOrder = rhs.element.eventType?.lifecycleOrder ?? 5
      return leftOrder != rightOrder ? leftOrder < rightOrder : lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// The first event of a kind.
  public func event(_ type: CallEventType) -> CallEvent? {
    events.first { $0.eventType == type }
  }

  /// The mode: from the CDR's `serviceType`, sharpened by what the messages show.
  public var mode: CallMode {
    // Only AXE has collectInfo; only X mode reports callRelDirection and notifyMode.
    if event(.collectInfo) != nil { return .axe }
    let xModeSign =
      events.contains { $0.callReleaseDirection != nil }
      || detailRecord?.callReleaseDirection != nil || detailRecord?.notifyMode != nil
    guard let serviceType = detailRecord?.serviceType else { return xModeSign ? .x : .unknown }
    let mode = CallMode(serviceType: serviceType)
    guard mode == .axbOrX else { return mode }
    if xModeSign { return .x }
    // X mode keeps no binding on the platform, so a binding id means AXB (inferred).
    if let binding = detailRecord?.subscriptionId, !binding.isEmpty { return .axb }
    return .axbOrX
  }

  /// When the call began: the first leg's arrival, else the earliest time known.
  public var startTime: Timestamp? {
    if let record = detailRecord {
      let times = [
        record.callInTime, record.forwardStartTime, record.callOutStartTime, record.failTime, record.callEndTime,
      ]
      if let first = times.compactMap({ $0 }).min() { return first }
    }
    return events.compactMap(\.timestamp).min()
  }

  /// When the call ended.
  public var endTime: Timestamp? {
    detailRecord?.callEndTime ?? detailRecord?.failTime ?? event(.disconnect)?.timestamp
  }

  /// The real caller.
  public var caller: String? {
    detailRecord?.callerNumber ?? event(.callIn)?.caller ?? events.lazy.compactMap(\.caller).first
  }

  /// The real callee of the forwarded leg.
  public var callee: String? {
    if let destination = detailRecord?.forwardDestinationNumber { return destination }
    return event(.callOut)?.called ?? event(.alerting)?.called ?? event(.answer)?.called
  }

  /// The privacy number dialled (X, or Y in AXYB).
  public var privacyNumber: String? {
    if let record = detailRecord {
      return record.bindNumber ?? record.forwardDisplayNumber ?? record.calleeNumber
    }
    return event(.callIn)?.called
  }

  /// When the callee's phone started ringing.
  public var alertingTime: Timestamp? {
    detailRecord?.forwardAlertingTime ?? event(.alerting)?.timestamp
  }

  /// When the callee answered.
  public var answerTime: Timestamp? {
    detailRecord?.forwardAnswerTime ?? event(.answer)?.timestamp
  }

  /// Answered, failed, or still going as far as the messages tell.
  public var outcome: CallOutcome {
    if answerTime != nil { return .answered }
    if detailRecord != nil { return .failed }
    guard let disconnect = event(.disconnect) else { return .inProgress }
    // 0 is "hung up after being answered": the answer event was simply not captured.
    return disconnect.stateCode == 0 ? .answered : .failed
  }

  /// The hang-up cause from the disconnect event.
  public var stateCode: Int? { event(.disconnect)?.stateCode }

  /// Seconds the callee's phone rang before it was answered or the call ended.
  public var ringSeconds: Double? {
    guard let alerting = alertingTime, let stop = answerTime ?? endTime else { return nil }
    return max(0, alerting.seconds(until: stop))
  }

  /// Seconds of conversation: from answer to end, as the platform bills it.
  public var talkSeconds: Double? {
    guard let answer = answerTime, let end = endTime else { return nil }
    return max(0, answer.seconds(until: end))
  }
}
