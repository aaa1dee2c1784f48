/// Reads the messages of one input, whatever its form: raw push bodies, JSON arrays, JSON Lines,
/// HTTP request dumps, log lines with JSON after a prefix, Python dict reprs, and PHP arrays
/// (literals, `var_export` and `print_r` output).
///
/// The one reader behind `pnsdoctor import` and paste-to-diagnose. It is pull-based:
///
/// ```swift
/// var reader = InputReader(source: InMemoryByteSource(name: "<paste>", text: pasted))
/// while let item = try reader.next() {
///   switch item {
///   case .record(let record): use(record.message)
///   case .issue(let issue): report(issue)
///   }
/// }
/// ```
///
/// A problem with one record never stops the reading: the record is reported and skipped.
public struct InputReader<Source: ByteSource> {
  /// One message read, or one problem met.
  public enum Item: Sendable {
    case record(ReadRecord)
    case issue(ReadIssue)
  }

  private var scanner: MessageScanner<Source>
  /// Items read but not yet returned, from `nextPending` on (an index, not `removeFirst`, which
  /// would make a record of many items cost their square).
  private var pending: [Item] = []
  private var nextPending = 0
  private var sniffed = false
  private var finished = false
  private var sawAnything = false
  private var headBytes: [UInt8] = []

  /// The largest record accepted by default, in bytes.
  public static var defaultRecordLimit: Int { 64 << 20 }

  /// - Parameter recordLimit: the largest record accepted, in bytes (64 MiB by default: a
  ///   platform batch holds at most 50 CDRs, some 50 KB, yet a batch re-assembled by a
  ///   customer's own tooling can hold 50,000, some 35 MB, and is still read whole).
  /// - Parameter chunkSize: how much is read from the source at a time (4 MiB by default).
  ///   What is read never depends on it; the differential fuzz target reads the same bytes
  ///   in chunks of a few bytes to hold the reader to that.
  public init(source: Source, recordLimit: Int = Self.defaultRecordLimit, chunkSize: Int = 4 << 20) {
    scanner = MessageScanner(source: source, recordLimit: recordLimit, chunkSize: max(1, chunkSize))
  }

  /// The input's name.
  public var sourceName: String { scanner.source.name }

  /// Bytes examined to locate rejected elements so far: work that must grow linearly with
  /// the input, whatever it holds.
  var locatingWork: Int { scanner.bytesExaminedLocating }

  /// Bytes consumed so far, for progress reports.
  public var bytesRead: Int { scanner.bytesRead }

  /// The input's first bytes (up to 64 KiB): what identifies its content.
  ///
  /// Two reads of the same content (the same file imported twice, or through a pipe) start with
  /// the same bytes, and so does a log that has grown since; the store compares heads to tell a
  /// repeated import from a real re-push (see `SourceRegistry`).
  public mutating func head() throws(ReadIssue) -> [UInt8] {
    if !sniffed { try sniff() }
    return headBytes
  }

  /// The next message or problem, or `nil` when the input is exhausted.
  /// - Throws: `ReadIssue` only when the input itself fails (an I/O error); every problem with
  ///   its content is returned as an `.issue` item instead.
  public mutating func next() throws(ReadIssue) -> Item? {
    if !sniffed { try sniff() }
    while nextPending == pending.count {
      if finished { return nil }
      guard let item = try scanner.next() else {
        finished = true
        if !sawAnything {
          pending.append(.issue(ReadIssue(reason: .noMessagesFound, at: SourceLocation(source: sourceName))))
        }
        break
      }
      sawAnything = true
      switch item {
      case .issue(let issue):
        pending.append(.issue(issue))
      case .value(let value, let location, let offset, let length):
        queue(MessageClassifier.classify(value, problemLimit: ReadIssue.describedPerRecord),
          from: location, offset: offset, length: length)
      }
    }
    guard nextPending < pending.count else { return nil }
    defer {
      nextPending += 1
      if nextPending == pending.count {
        // A big batch's room is given back; a small one's is reused for the next record.
        pending.removeAll(keepingCapacity: pending.count <= 1024)
        nextPending = 0
      }
    }
    return pending[nextPending]
  }

  /// Queues what one top-level value held: its messages, and its rejections each located at
  /// the element it concerns, the uncounted rest as one summary at the value's start.
  private mutating func queue(
    _ classification: MessageClassifier.Classification, from location: SourceLocation, offset: Int, length: Int
  ) {
    var failedSteps: [[ElementStep]] = []
    for case .failure(let failure) in classification.results { failedSteps.append(failure.steps) }
    var failureLocations = scanner.locations(of: failedSteps, inRecordAt: offset, length: length)[...]
    for result in classification.results {
      switch result {
      case .success(let classified):
        pending.append(
          .record(
            ReadRecord(
              message: classified.message, raw: classified.raw,
              compactJSON: classified.raw.compactJSONBytes, location: location,
              offset: offset, ordinal: classified.ordinal)))
      case .failure(let failure):
        pending.append(.issue(ReadIssue(reason: failure.reason, at: failureLocations.popFirst() ?? location)))
      }
    }
    if classification.unreportedProblems > 0 {
      pending.append(.issue(ReadIssue(reason: .furtherProblems(count: classification.unreportedProblems), at: location)))
    }
  }

  /// Reads the whole input: every message, and every problem, in order. An I/O failure of the
  /// input itself ends the reading and is the last problem.
  public mutating func readAll() -> (records: [ReadRecord], issues: [ReadIssue]) {
    var records: [ReadRecord] = []
    var issues: [ReadIssue] = []
    do {
      while let item = try next() {
        switch item {
        case .record(let record): records.append(record)
        case .issue(let issue): issues.append(issue)
        }
      }
    } catch {
      issues.append(error)
    }
    return (records, issues)
  }

  /// Looks at the first bytes: refuses compressed, UTF-16 and binary inputs with a clear reason
  /// before any garbage can be mistaken for records, and keeps the head.
  private mutating func sniff() throws(ReadIssue) {
    sniffed = true
    let head = try scanner.prefix(1 << 20)
    headBytes = Array(head.prefix(SourceRegistry.headLength))
    let whole = SourceLocation(source: sourceName)
    if let reason = InputSniffer.refusal(forPrefix: head.prefix(4096)) {
      finished = true
      sawAnything = true
      pending.append(.issue(ReadIssue(reason: reason, at: whole)))
    }
  }
}

/// One message read from an input, with where it was found.
public struct ReadRecord: Sendable {
  public var message: Message
  /// The JSON of this message alone (one CDR, not its whole batch), normalised to JSON when it
  /// was read from a Python repr.
  public var raw: JSONValue
  /// `raw` as compact JSON, UTF-8: what the store keeps. Written where the record is read (on
  /// an import's reading thread), not where it is stored.
  public var compactJSON: [UInt8]
  /// Where the top-level value holding this message starts.
  public var location: SourceLocation
  /// Byte offset of that top-level value in its input.
  public var offset: Int
  /// Position of the message inside that value (a CDR's index in its batch).
  public var ordinal: Int
}
