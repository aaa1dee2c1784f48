/// Where one read record is kept inside a write transaction: events and CDRs go to their calls
/// (`CallWriter`), SMS notifications and API responses to their tables (`MessageWriter`). Shared
/// by imports and the live receiver, so that a message is stored the same way however it came.
enum RecordRouting {
  /// Stores `record` as first read from source `sourceId` at `line`; returns whether it was new
  /// to the store (false: a re-delivery, or a CDR given twice inside one push, which is read but
  /// not delivered again).
  static func store(
    _ record: ReadRecord, calls: CallWriter, others: MessageWriter, repeats: inout PushRepeats, sourceId: Int64,
    line: Int
  ) throws -> Bool {
    switch record.message {
    case .callDetailRecord where repeats.isRepeat(record):
      return false
    case .callEvent, .callDetailRecord:
      return try calls.add(
        record.message,
        stored: StoredMessage(
          kind: record.message.kind, json: record.compactJSON, deliveries: 1, sourceId: sourceId, line: line))
    case .sms, .apiResponse:
      return try others.store(record)
    }
  }
}
