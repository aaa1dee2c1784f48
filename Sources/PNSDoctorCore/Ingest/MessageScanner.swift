/// Finds the JSON values (records) in a stream of text, whatever surrounds them.
///
/// A stored push can be a bare JSON document, JSON Lines, a pretty-printed file, an HTTP request
/// dump or a log line with a prefix. Rather than guess the form, the scanner looks for the bytes
/// that can open a record (`{` followed by a key or `}`, `[` followed by `{`, `[` or a PHP
/// `'key' =>`, or a PHP `array(`, `Array` or `stdClass Object` at the start of a word) and parses
/// from there; everything between records (request lines, headers, log prefixes) is skipped.
///
/// It reads in chunks and drops what it has finished with, so memory stays bounded by the
/// largest record (at most `recordLimit`) plus one chunk.
struct MessageScanner<Source: ByteSource> {
  /// One record found, or a problem.
  enum Item {
    case value(JSONValue, location: SourceLocation, offset: Int, length: Int)
    case issue(ReadIssue)
  }

  /// The largest record accepted, in bytes.
  static var defaultRecordLimit: Int { InputReader<Source>.defaultRecordLimit }

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
  /// How careful candidate-finding must be after a broken record.
  private enum Recovery {
    /// Nothing is broken: any plausible opener is a candidate.
    case none
    /// After a broken record: only openers that look like the start of a new record, not a value
    /// nested in the broken one.
    case afterBrokenRecord
    /// Inside a top-level array of records that did not parse as a whole: its elements are read
    /// one by one, recognised by their indentation, so one broken element costs only itself.
    case insideArray(elementIndent: Int, firstElement: Int)
  }

  private var recovery = Recovery.none

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

  /// Where each of `elements` starts inside the record `next()` has just returned (at absolute
  /// `offset`, `length` bytes long, still in the buffer): the record's own start for an
  /// element the text does not show plainly. Ascending elements cost one pass in all.
  mutating func locations(
    of elements: [[ElementStep]], inRecordAt offset: Int, length: Int
  ) -> [SourceLocation] {
    guard !elements.isEmpty else { return [] }
    var probe = tracker
    let start = SourceLocation(source: source.name, line: tracker.line, column: tracker.column + 1)
    let record = offset - bufferStart..<offset - bufferStart + length
    let (located, work) = buffer.withUnsafeBufferPointer { bytes in
      var locator = ElementLocator(bytes: UnsafeBufferPointer(rebasing: bytes[record]))
      let located = elements.map { steps in
        guard !steps.isEmpty, let found = locator.offset(of: steps) else { return start }
        if offset + found < probe.offset { probe = tracker }
        probe.advance(to: offset + found, in: buffer, bufferStart: bufferStart)
        return SourceLocation(source: source.name, line: probe.line, column: probe.column + 1)
      }
      return (located, locator.bytesExamined)
    }
    bytesExaminedLocating += work
    return located
  }

  /// Bytes examined to locate elements so far (see `ElementLocator.bytesExamined`).
  private(set) var bytesExaminedLocating = 0

  // MARK: - Finding candidates

  private mutating func nextCandidate() throws(ReadIssue) -> Int? {
    while true {
      let found: Int? = buffer.withUnsafeBufferPointer { bytes in
        var index = position - bufferStart
        while index < bytes.count {
          let byte = bytes[index]
          if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return index + bufferStart }
          // `array(`, `Array` (print_r) and `stdClass Object`, at the start of a word. The
          // second letter is looked at here so that ordinary words in log prefixes cost no call.
          if byte | 0x20 == UInt8(ascii: "a") || byte == UInt8(ascii: "s"),
            index == 0 || !PHPText.isIdentifierByte(bytes[index - 1]),
            index + 1 == bytes.count
              || bytes[index + 1] | 0x20 == (byte == UInt8(ascii: "s") ? UInt8(ascii: "t") : UInt8(ascii: "r"))
          {
            return index + bufferStart
          }
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
      let opener = buffer[candidate - bufferStart]
      let plausible: Bool
      if opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[") {
        guard let follower = try firstNonWhitespace(after: candidate) else { return nil }
        if opener == UInt8(ascii: "{") {
          plausible = follower == UInt8(ascii: "\"") || follower == UInt8(ascii: "'") || follower == UInt8(ascii: "}")
        } else {
          if follower == UInt8(ascii: "{") || follower == UInt8(ascii: "[") {
            plausible = true
          } else {
            plausible = try phpOpener(at: candidate, PHPText.opensShortArray)
          }
        }
      } else {
        plausible = try phpOpener(at: candidate, PHPText.opensArray)
      }
      if plausible && isAcceptable(candidate) {
        return candidate
      }
      position = candidate + 1
    }
  }

  /// Whether `test` finds a PHP array opening at `candidate`, reading more input while it
  /// cannot tell.
  private mutating func phpOpener(
    at candidate: Int, _ test: (UnsafeBufferPointer<UInt8>, Int) -> Bool?
  ) throws(ReadIssue) -> Bool {
    while true {
      let answer = buffer.withUnsafeBufferPointer { test($0, candidate - bufferStart) }
      if let answer { return answer }
      if atEnd { return false }
      try readMore(minimum: 1, keepingFrom: candidate)
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

  private func isAcceptable(_ candidate: Int) -> Bool {
    switch recovery {
    case .none: return true
    case .afterBrokenRecord: return startsNewRecord(candidate)
    case .insideArray(let indent, let first):
      return candidate == first || indentation(of: candidate) == indent || startsNewRecord(candidate)
    }
  }

  /// The indentation of the candidate when only whitespace precedes it on its line, else `nil`.
  private func indentation(of candidate: Int) -> Int? {
    var index = candidate - bufferStart - 1
    var count = 0
    while index >= 0 {
      let byte = buffer[index]
      if byte == 0x0A { return count }
      guard byte == 0x20 || byte == 0x09 else { return nil }
      count += 1
      index -= 1
    }
    return bufferStart == 0 ? count : nil
  }

  /// The offset of the start of the line holding `offset`, looking back no further than `limit`.
  private func lineStart(of offset: Int, notBefore limit: Int) -> Int {
    var index = offset - bufferStart - 1
    while index >= limit - bufferStart && index >= 0 {
      if buffer[index] == 0x0A { return index + 1 + bufferStart }
      index -= 1
    }
    return max(limit, bufferStart)
  }

  /// Whether the candidate looks like the start of a record rather than a value nested in a
  /// broken one: not after `"key":`, `,`, `[`, `{`, `(` or `=>` on its line, and not indented on
  /// its own.
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
      // After `,`, `[`, `{`, or PHP's `(` and `=>`: a value nested in the broken record.
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
        || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ">")
      {
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
        return Self.parseRecord(in: slice)
      }
      switch outcome {
      case .success(let parsed):
        position = candidate + parsed.length
        if case .insideArray(let indent, let first) = recovery,
          candidate == first || indentation(of: candidate) == indent
        {
          // Still among the array's elements.
        } else {
          recovery = .none
        }
        return .value(parsed.value, location: location, offset: candidate, length: parsed.length)
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
        if let firstElement = arrayFallback(for: candidate, failure: error.failure) {
          // Read the array's elements one by one instead; the broken one reports itself.
          position = firstElement
          return nil
        }
        let problemOffset = candidate + error.offset
        let problem = tracker.location(
          of: min(problemOffset, bytesRead), in: buffer, bufferStart: bufferStart, source: source.name)
        position = resumePoint(afterFailureAt: problemOffset, in: candidate)
        if case .insideArray = recovery {} else { recovery = .afterBrokenRecord }
        return .issue(ReadIssue(reason: .malformed(error.failure, problem: problem), at: location))
      }
    }
  }

  /// Parses the record at the start of `slice`: JSON (or a Python repr) from `{`, a PHP array
  /// from a word (`array(`, `print_r`'s `Array`), and from `[` JSON first, then PHP when JSON
  /// fails (`[['sessionId' => …]]` starts like JSON). A PHP failure is reported when the text
  /// was PHP (JSON stopped at a `=>`), JSON's otherwise.
  private static func parseRecord(
    in slice: UnsafeBufferPointer<UInt8>
  ) -> Result<(value: JSONValue, length: Int), JSONParseError> {
    func php() -> Result<(value: JSONValue, length: Int), JSONParseError> {
      do throws(JSONParseError) {
        return .success(try PHPArrayParser.parseValue(in: slice))
      } catch {
        return .failure(error)
      }
    }
    let opener = slice.first
    guard opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[") else { return php() }
    let json: Result<(value: JSONValue, length: Int), JSONParseError>
    do throws(JSONParseError) {
      json = .success(try LenientJSONParser.parseValue(in: slice))
    } catch {
      json = .failure(error)
    }
    guard opener == UInt8(ascii: "["), case .failure(let jsonError) = json else { return json }
    let stoppedAtArrow =
      jsonError.offset + 1 < slice.count && slice[jsonError.offset] == UInt8(ascii: "=")
      && slice[jsonError.offset + 1] == UInt8(ascii: ">")
    let stoppedAtMarker =
      jsonError.offset < slice.count && (slice[jsonError.offset] == UInt8(ascii: "/") || slice[jsonError.offset] == UInt8(ascii: "#"))
    let looksLikePHP = stoppedAtArrow || PHPText.opensShortArray(slice, at: 0) == true
    guard looksLikePHP || stoppedAtMarker else { return json }
    let phpOutcome = php()
    if case .success = phpOutcome { return phpOutcome }
    return looksLikePHP ? phpOutcome : json
  }

  /// Where to look for the next record after one broke at `problemOffset`.
  ///
  /// When the problem is on a later line than the record's start, the record may have swallowed
  /// the lines in between (a line cut after `"key":` takes the next line's record as its value),
  /// so the search starts again on the line after the record's first; otherwise it goes on right
  /// after the problem. Recovery mode then keeps nested values of the broken record out.
  private func resumePoint(afterFailureAt problemOffset: Int, in candidate: Int) -> Int {
    let problem = min(problemOffset, bytesRead)
    var index = candidate - bufferStart
    while index < problem - bufferStart && buffer[index] != 0x0A { index += 1 }
    let endOfFirstLine = index + bufferStart
    if endOfFirstLine < problem { return endOfFirstLine + 1 }
    return problem < bytesRead && buffer[problem - bufferStart] == 0x0A ? problem + 1 : max(problem, candidate + 1)
  }

  /// When `candidate` is a top-level array of objects laid out one element per line (as
  /// pretty-printers write them) and it broke, the offset of its first element, switching to
  /// element-by-element reading; else `nil`.
  private mutating func arrayFallback(for candidate: Int, failure: JSONParseFailure) -> Int? {
    if case .insideArray = recovery { return nil }
    if case .tooLarge = failure { return nil }
    guard buffer[candidate - bufferStart] == UInt8(ascii: "[") else { return nil }
    var index = candidate - bufferStart + 1
    while index < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[index]) { index += 1 }
    guard index < buffer.count, buffer[index] == UInt8(ascii: "{") else { return nil }
    let first = index + bufferStart
    // The element's indentation: its column on its own line, or after the `[` (pprint style).
    let indent = indentation(of: first) ?? (first - lineStart(of: first, notBefore: bufferStart))
    recovery = .insideArray(elementIndent: indent, firstElement: first)
    return first
  }

  /// Skips past an oversized record: to the end of the line on which the limit was reached.
  private mutating func skipOversizedRecord(from candidate: Int) throws(ReadIssue) {
    position = candidate + recordLimit
    recovery = .afterBrokenRecord
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
