/// One message as a call's bundle keeps it: the JSON as received (after compaction), how many
/// times it was delivered, and where it was first seen.
///
/// Identity is the content: a message with the same bytes as one already kept is a re-push
/// (one more delivery); one with the same natural key but other bytes is a version of its own.
struct StoredMessage: Sendable, Equatable {
  var kind: Message.Kind
  /// Compact JSON, UTF-8.
  var json: [UInt8]
  /// 1 for a message pushed once.
  var deliveries: Int
  /// The input it was first read from (`source.id`), 0 when unknown (carried over from an old
  /// store whose input was not recorded).
  var sourceId: Int64
  /// Its line in that input.
  var line: Int
}
