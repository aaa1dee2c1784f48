/// Finds the JSON values (records) in a stream of text, whatever surrounds them.
///
/// A stored push can be a bare JSON document, JSON Lines, a pretty-printed file, an HTTP request
/// dump or a log line with a prefix. Rather than guess the form, the scanner looks for the bytes
/// that can open a record (`{` followed by a key or `}`, or `[` followed by `{` or `[`) and parses
/// from there; everything between records (request lines, headers, log prefixes) is skipped.
///
/// It reads in chunks and drops what it has finished with, so memory stays bounded by the
/// largest record (at most `recordLimit`) plus one chunk.
struct MessageScanner<Source: ByteSource> {
  /// One record found, or a problem.
  enum Item {
    case value(JSONValue, location: SourceLocation, offset: Int)
    case issue(ReadIssue)
  }

  /// The largest record accepted, in bytes.
  static var defaultRecordLimit: Int { 16 << 20 }

  private(set) var source: Source
  private let recordLimit: Int
  private let chunkSize: Int
  private var buffer: [UInt8] = []
  /// Absolute offset of `buffer[0]`.
  private var bufferStart = 0
  /// Absolute offset of the next byte to look at.
  private var position = 0
  private var atEnd = false
  private var tracker = LineTracker()
  /// Set after a broken record: until the next good one, only bytes that look like the start of
  /// a new record (not a nested value of the broken one) are taken as candidates.
  private var recovering = false

  init(source: Source, recordLimit: Int = Self.defaultRecordLimit, chunkSize: Int = 4 << 20) {
    self.source = source
    self.recordLimit = recordLimit
    self.chunkSize = chunkSize
  }

  /// Total bytes read from the source so far.
  var bytesRead: Int { bufferStart + buffer.count }

  /// The first bytes of the input (reading them if needed), for sniffing its kind.
  mutating func prefix(_ count: Int) throws(ReadIssue) -> [UInt8] {
    while buffer.count < count && !atEnd {
      try readMore(minimum: count - buffer.count)
    }
    return Array(buffer.prefix(count))
  }

  /// The next record or problem, or `nil` at the end of the input.
  mutating func next() throws(ReadIssue) -> Item? {
    while true {
      guard let candidate = try nextCandidate() else { return nil }
      if let item = try parse(at: candidate) { return item }
    }
  }

  // MARK: - Finding candidates

  private mutating func nextCandidate() throws(ReadIssue) -> Int? {
    while true {
      let found: Int? = buffer.withUnsafeBufferPointer { bytes in
        var index = position - bufferStart
        while index < bytes.count {
          let byte = bytes[index]
          if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return index + bufferStart }
          index += 1
        }
        return nil
      }
      guard let candidate = found else {
        if atEnd { return nil }
        position = bytesRead
        // Keep a little context behind for the recovery check's look-back.
        try readMore(minimum: 1, keepingFrom: max(bufferStart, position - 256))
        continue
      }
      guard let follower = try firstNonWhitespace(after: candidate) else { return nil }
      let opener = buffer[candidate - bufferStart]
      let plausible =
        opener == UInt8(ascii: "{")
        ? follower == UInt8(ascii: "\"") || follower == UInt8(ascii: "'") || follower == UInt8(ascii: "}")
        : follower == UInt8(ascii: "{") || follower == UInt8(ascii: "[")
      if plausible && (!recovering || startsNewRecord(candidate)) {
        return candidate
      }
      position = candidate + 1
    }
  }

  /// The first byte after `offset` that is not whitespace, reading more input if needed.
  private mutating func firstNonWhitespace(after offset: Int) throws(ReadIssue) -> UInt8? {
    var probe = offset + 1
    while true {
      while probe < bytesRead {
        let byte = buffer[probe - bufferStart]
        if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return byte }
        probe += 1
      }
      if atEnd { return nil }
      try readMore(minimum: 1, keepingFrom: offset)
    }
  }

  /// Whether the candidate looks like the start of a record rather than a value nested in a
  /// broken one: not after `"key":`, `,`, `[` or `{` on its line, and not indented on its own.
  private func startsNewRecord(_ candidate: Int) -> Bool {
    var index = candidate - bufferStart - 1
    var sawIndent = false
    while index >= 0 {
      let byte = buffer[index]
      if byte == 0x0A { return !sawIndent }
      if byte == 0x20 || byte == 0x09 || byte == 0x0D {
        sawIndent = true
        index -= 1
        continue
      }
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
        return false
      }
      if byte == UInt8(ascii: ":") {
        var before = index - 1
        while before >= 0 && (buffer[before] == 0x20 || buffer[before] == 0x09) { before -= 1 }
        return before < 0 || (buffer[before] != UInt8(ascii: "\"") && buffer[before] != UInt8(ascii: "'"))
      }
      return true
    }
    return !sawIndent
  }

  // MARK: - Parsing one candidate

  private mutating func parse(at candidate: Int) throws(ReadIssue) -> Item? {
    tracker.advance(to: candidate, in: buffer, bufferStart: bufferStart)
    let location = SourceLocation(source: source.name, line: tracker.line, column: tracker.column + 1)
    while true {
      let start = candidate - bufferStart
      let available = buffer.count - start
      let cutByLimit = available > recordLimit
      let length = min(available, recordLimit)
      let outcome: Result<(value: JSONValue, length: Int), JSONParseError> = buffer.withUnsafeBufferPointer {
        bytes in
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<start + length])
        do throws(JSONParseError) {
          return .success(try LenientJSONParser.parseValue(in: slice))
        } catch {
          return .failure(error)
        }
      }
      switch outcome {
      case .success(let parsed):
        position = candidate + parsed.length
        recovering = false
        return .value(parsed.value, location: location, offset: candidate)
      case .failure(let error):
        if case .unexpectedEnd = error.failure {
          if cutByLimit {
            try skipOversizedRecord(from: candidate)
            return .issue(ReadIssue(reason: .malformed(.tooLarge(limit: recordLimit), problem: location), at: location))
          }
          if !atEnd {
            try readMore(minimum: max(chunkSize, available), keepingFrom: candidate)
            continue
          }
        }
        let problemOffset = candidate + error.offset
        let problem = tracker.location(
          of: min(problemOffset, bytesRead), in: buffer, bufferStart: bufferStart, source: source.name)
        position = resumePoint(afterFailureAt: problemOffset, in: candidate)
        recovering = true
        return .issue(ReadIssue(reason: .malformed(error.failure, problem: problem), at: location))
      }
    }
  }

  /// Where to look for the next record after one broke at `problemOffset`: at the problem itself
  /// when it is a record opener starting a later line (a truncated JSON line followed by the next
  /// record), else at the line after the problem.
  private func resumePoint(afterFailureAt problemOffset: Int, in candidate: Int) -> Int {
    let problem = problemOffset - bufferStart
    if problem >= buffer.count { return bytesRead }
    let byte = buffer[problem]
    if problemOffset > candidate && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")) {
      var index = problem - 1
      while index >= 0 && (buffer[index] == 0x20 || buffer[index] == 0x09) { index -= 1 }
      if index >= 0 && buffer[index] == 0x0A { return problemOffset }
    }
    var index = problem
    while index < buffer.count && buffer[index] != 0x0A { index += 1 }
    return min(index + 1, buffer.count) + bufferStart
  }

  /// Skips past an oversized record: to the end of the line on which the limit was reached.
  private mutating func skipOversizedRecord(from candidate: Int) throws(ReadIssue) {
    position = candidate + recordLimit
    recovering = true
    while true {
      let newline: Int? = buffer.withUnsafeBufferPointer { bytes in
        var index = position - bufferStart
        while index < bytes.count {
          if bytes[index] == 0x0A { return index + bufferStart }
          index += 1
        }
        return nil
      }
      if let newline {
        position = newline + 1
        return
      }
      position = bytesRead
      if atEnd { return }
      try readMore(minimum: 1, keepingFrom: position)
    }
  }

  // MARK: - Buffer management

  /// Reads at least `minimum` more bytes (unless the input ends), first dropping the bytes
  /// before `keepingFrom` (an absolute offset).
  private mutating func readMore(minimum: Int, keepingFrom keep: Int? = nil) throws(ReadIssue) {
    if let keep, keep > bufferStart {
      tracker.advance(to: keep, in: buffer, bufferStart: bufferStart)
      buffer.removeSubrange(0..<(keep - bufferStart))
      bufferStart = keep
    }
    var added = 0
    while added < minimum {
      let count = try source.read(into: &buffer, maximumCount: max(chunkSize, minimum - added))
      if count == 0 {
        atEnd = true
        return
      }
      added += count
    }
  }
}
