/// What the live receiver (`serve`) saw of one call's pushes, for the rules that judge its
/// delivery (`pushSignature`, `upstreamFailed`, `cdrMissing`): each push as it was taken,
/// checked and answered, and the moment of the diagnosis, since whether a re-push is still to
/// come or a CDR is overdue depends on when one asks.
///
/// First-hand only: a call the receiver took no push of has no observation, and those rules
/// stay silent about it (a store filled by `import` alone says nothing of delivery).
public struct ReceiverObservation: Sendable, Equatable {
  /// The pushes that carried the call's messages, oldest first.
  public var pushes: [ReceiverReport.Push]
  /// When the diagnosis is made.
  public var now: Timestamp

  public init(pushes: [ReceiverReport.Push], now: Timestamp) {
    self.pushes = pushes.sorted { $0.receivedMs != $1.receivedMs ? $0.receivedMs < $1.receivedMs : $0.id < $1.id }
    self.now = now
  }

  /// The pushes forwarded to the customer's receiver (tap mode) that held only messages of
  /// `kind` and were not answered 200 by it (another status, or no answer at all).
  func upstreamFailures(of kind: Message.Kind) -> [ReceiverReport.Push] {
    pushes.filter { push in
      push.kinds == [kind.shortName] && push.upstreamMicroseconds != nil && push.upstreamStatus != 200
    }
  }
}
