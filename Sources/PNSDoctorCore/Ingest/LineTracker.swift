/// Turns absolute byte offsets into lines and columns while the input streams past.
///
/// It only moves forward and counts as it goes, so locating every record of a large file costs
/// one pass over its bytes, and it keeps working after the bytes it counted have been dropped.
struct LineTracker {
  /// Absolute offset up to which bytes have been counted.
  private(set) var offset = 0
  /// 1-based line at `offset`.
  private(set) var line = 1
  /// Characters between the start of the line and `offset`.
  private(set) var column = 0

  /// Counts the bytes from `offset` up to `target`.
  /// - Parameters:
  ///   - buffer: the bytes currently held; `buffer[0]` is at absolute offset `bufferStart`.
  mutating func advance(to target: Int, in buffer: [UInt8], bufferStart: Int) {
    guard target > offset else { return }
    var localLine = line
    var localColumn = column
    buffer.withUnsafeBufferPointer { bytes in
      for position in (offset - bufferStart)..<(target - bufferStart) {
        let byte = bytes[position]
        if byte == 0x0A {
          localLine += 1
          localColumn = 0
        } else if byte & 0xC0 != 0x80 {
          localColumn += 1
        }
      }
    }
    line = localLine
    column = localColumn
    offset = target
  }

  /// The location of absolute offset `target` (which must not be behind `offset`), without
  /// moving the tracker.
  func location(
    of target: Int, in buffer: [UInt8], bufferStart: Int, source: String
  ) -> SourceLocation {
    var probe = self
    probe.advance(to: max(target, offset), in: buffer, bufferStart: bufferStart)
    return SourceLocation(source: source, line: probe.line, column: probe.column + 1)
  }
}
