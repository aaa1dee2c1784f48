/// One message of a stored call as it was pushed, with where and how often it came: what the
/// raw view shows under each message's header.
public struct RawMessage: Sendable, Equatable {
  public var kind: Message.Kind
  /// The message's JSON, compact, as stored.
  public var json: String
  /// How many times it was delivered (1 for a message pushed once; re-pushes add).
  public var deliveries: Int
  /// The input it was first read from, when the store knows (a store carried over from v3 may
  /// not).
  public var sourceName: String?
  /// Its line in that input.
  public var line: Int
  /// The time the message speaks of: an event's timestamp, a CDR's earliest time.
  public var time: Timestamp?

  public init(kind: Message.Kind, json: String, deliveries: Int, sourceName: String?, line: Int, time: Timestamp?) {
    self.kind = kind
    self.json = json
    self.deliveries = deliveries
    self.sourceName = sourceName
    self.line = line
    self.time = time
  }
}
