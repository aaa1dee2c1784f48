/// What the store did with one received push, for the receiver's answer and its log.
public struct PushReceipt: Sendable, Equatable {
  /// The push's row in the store.
  public var pushId: Int64
  public var disposition: PushDisposition
  /// The HTTP status the receiver answers (recorded with the push before it is sent).
  public var status: Int
  /// Messages stored for the first time, and those the store already held (re-pushes).
  public var newRecords: Int
  public var duplicates: Int
}
