/// A CDR given twice inside one push (a merged `feeLst` may carry the same record twice) is one
/// delivery: a re-push is another push, never a repetition inside one. Records of one push are
/// read one after the other and share the byte offset of the push, so only the current push's
/// records are remembered.
struct PushRepeats {
  private var offset: Int?
  private var seen: Set<[UInt8]> = []

  /// Whether `record` repeats, byte for byte, a record of the push it belongs to.
  mutating func isRepeat(_ record: ReadRecord) -> Bool {
    if record.offset != offset {
      offset = record.offset
      seen = []
    }
    return !seen.insert(record.compactJSON).inserted
  }
}
