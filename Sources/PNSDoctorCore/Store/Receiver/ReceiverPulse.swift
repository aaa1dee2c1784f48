/// The live receiver's state at a glance, for a status line: how busy it is, when it last took
/// a push, and what went wrong in the last hour.
public struct ReceiverPulse: Sendable, Equatable {
  /// Pushes received in the minute before now.
  public var pushesLastMinute: Int
  /// The newest push's time (ms since 1970); nil when the receiver never took one here.
  public var lastPushMs: Int64?
  /// Pushes forwarded in the last hour that the customer's receiver did not answer 200.
  public var upstreamFailuresLastHour: Int
  /// Pushes in the last hour not stored whole, refused, or with a failed signature.
  public var failuresLastHour: Int

  public init(pushesLastMinute: Int, lastPushMs: Int64?, upstreamFailuresLastHour: Int, failuresLastHour: Int) {
    self.pushesLastMinute = pushesLastMinute
    self.lastPushMs = lastPushMs
    self.upstreamFailuresLastHour = upstreamFailuresLastHour
    self.failuresLastHour = failuresLastHour
  }
}
