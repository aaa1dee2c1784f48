/// One call while a write brings it up to date: the messages it keeps and those just added.
///
/// A session id names a call, but not forever: the platform reuses ids, so a message belongs to
/// a stored call with its id only when it is within `reuseWindow` of the call's own messages
/// (by the messages' times) and, for a CDR, carries the same icid as the call's CDR. Otherwise
/// it starts a call of its own, listed and diagnosed like any other.
struct WorkingCall {
  /// How far apart two messages of one call can be: further apart, the same id is another call.
  static let reuseWindow: Int64 = 24 * 3_600_000

  /// The call's row in the store; `nil` until it is first written.
  var rowId: Int64?
  let sessionId: String
  private(set) var messages: [StoredMessage]
  private(set) var decoded: [Message]
  /// Earliest and latest time among the messages (ms since 1970).
  private(set) var span: ClosedRange<Int64>?
  /// Whether the stored row was failed before this write (`nil` for a new call).
  let wasFailed: Bool?
  /// Whether this write added anything.
  private(set) var changed = false

  init(rowId: Int64?, sessionId: String, messages: [StoredMessage], decoded: [Message], wasFailed: Bool?) {
    self.rowId = rowId
    self.sessionId = sessionId
    self.messages = messages
    self.decoded = decoded
    self.wasFailed = wasFailed
    span = nil
    icid = nil
    for message in decoded { note(message) }
  }

  /// A call with no messages yet.
  init(sessionId: String) {
    self.init(rowId: nil, sessionId: sessionId, messages: [], decoded: [], wasFailed: nil)
  }

  /// The icid of the call's CDR, once it has one.
  private(set) var icid: String?

  /// How far `message` is from this call's messages (0 inside their span), or `nil` when it
  /// cannot belong to it.
  func distance(to message: Message) -> Int64? {
    if case .callDetailRecord(let record) = message, let theirs = record.icid, let mine = icid, theirs != mine {
      return nil
    }
    guard let time = Self.time(of: message), let span else { return 0 }
    let distance = time < span.lowerBound ? span.lowerBound - time : max(0, time - span.upperBound)
    return distance <= Self.reuseWindow ? distance : nil
  }

  /// Adds a message: one with the same kind and bytes as a kept one is a re-delivery of it
  /// (its deliveries are added); anything else is kept beside the others.
  /// - Returns: whether the message was new to the call.
  @discardableResult
  mutating func add(_ message: Message, stored: StoredMessage) -> Bool {
    changed = true
    if let index = messages.firstIndex(where: { $0.kind == stored.kind && $0.json == stored.json }) {
      messages[index].deliveries += stored.deliveries
      return false
    }
    messages.append(stored)
    decoded.append(message)
    note(message)
    return true
  }

  /// Takes in a message's time and its icid.
  private mutating func note(_ message: Message) {
    if icid == nil, case .callDetailRecord(let record) = message { icid = record.icid }
    guard let time = Self.time(of: message) else { return }
    span = span.map { min($0.lowerBound, time)...max($0.upperBound, time) } ?? time...time
  }

  /// The 64-bit hash of a session id's UTF-8 bytes: what the call row keeps and looks calls up
  /// by (the id itself is in the bundle, and checked).
  static func hash(sessionId: String) -> Int64 {
    Int64(bitPattern: FNV1a.hash(sessionId.utf8))
  }

  /// The call its messages make: every event, and its first CDR with that CDR's deliveries.
  var call: Call {
    var events: [CallEvent] = []
    var record: CallDetailRecord?
    var deliveries = 0
    for (message, stored) in zip(decoded, messages) {
      switch message {
      case .callEvent(let event): events.append(event)
      case .callDetailRecord(let cdr) where record == nil:
        record = cdr
        deliveries = stored.deliveries
      default: break
      }
    }
    return Call(sessionId: sessionId, events: events, detailRecord: record, detailRecordDeliveries: deliveries)
  }

  /// Messages kept beside another with the same natural key but other content: versions the
  /// platform (or a receiver) sent under one key, none of them dropped.
  var extraVersions: Int {
    // A call has a handful of messages: comparing each with those before it is cheaper than
    // hashing keys.
    var extra = 0
    for index in decoded.indices where decoded[..<index].contains(where: { Self.sameKey($0, decoded[index]) }) {
      extra += 1
    }
    return extra
  }

  /// Whether two messages share their natural key (event: type, time and hang-up cause; CDR:
  /// icid, end and failure times).
  private static func sameKey(_ left: Message, _ right: Message) -> Bool {
    switch (left, right) {
    case (.callEvent(let one), .callEvent(let other)):
      return one.eventType == other.eventType && one.timestamp == other.timestamp && one.stateCode == other.stateCode
    case (.callDetailRecord(let one), .callDetailRecord(let other)):
      return one.icid == other.icid && one.callEndTime == other.callEndTime && one.failTime == other.failTime
    default:
      return false
    }
  }

  /// The time a message speaks of: an event's timestamp, a CDR's earliest time.
  static func time(of message: Message) -> Int64? {
    switch message {
    case .callEvent(let event):
      return event.timestamp?.millisecondsSince1970
    case .callDetailRecord(let record):
      return [record.callInTime, record.forwardStartTime, record.callOutStartTime, record.failTime, record.callEndTime]
        .compactMap { $0?.millisecondsSince1970 }.min()
    case .sms, .apiResponse:
      return nil
    }
  }
}
