import PNSDoctorCore

/// The differential target: the same bytes read two ways must give the same result.
///
/// - The input reader, fed its source whole in 4 MiB chunks and again a few bytes at a time (as
///   a pipe delivers them), must yield the same records (message, value, compact JSON, line and
///   column, offset) and the same issues at the same places: a record split across reads is the
///   scanner's hardest case.
/// - Bytes the strict parser (the store's own) accepts as JSON, the lenient parser (the one that
///   reads inputs) must read to the same value, over the same bytes.
///
/// A difference is a finding: it stops the run with both results described.
enum ReaderDifferential {
  static func run(_ bytes: [UInt8]) {
    compareChunkedReads(bytes)
    compareParsers(bytes)
  }

  private static func compareChunkedReads(_ bytes: [UInt8]) {
    // The chunk size comes from the input, so that the fuzzer can steer boundaries anywhere.
    let chunk = 1 + Int(bytes.first ?? 0) % 13
    var whole = InputReader(source: InMemoryByteSource(name: "fuzz", bytes: bytes))
    var trickled = InputReader(source: InMemoryByteSource(name: "fuzz", bytes: bytes), chunkSize: chunk)
    let expected = whole.readAll()
    let found = trickled.readAll()
    let expectedIssues = expected.issues.map(\.description)
    let foundIssues = found.issues.map(\.description)
    if expectedIssues != foundIssues {
      fail("issues differ with chunks of \(chunk) bytes", expectedIssues, foundIssues)
    }
    if expected.records.count != found.records.count {
      fail("record counts differ with chunks of \(chunk) bytes", expected.records.count, found.records.count)
    }
    for (left, right) in zip(expected.records, found.records) {
      let same =
        left.message == right.message && left.raw == right.raw && left.compactJSON == right.compactJSON
        && left.location == right.location && left.offset == right.offset && left.ordinal == right.ordinal
      if !same { fail("records differ with chunks of \(chunk) bytes", describe(left), describe(right)) }
    }
  }

  private static func compareParsers(_ bytes: [UInt8]) {
    guard let strict = try? StrictJSONParser.parse(bytes) else { return }
    let start = bytes.firstIndex { !isWhitespace($0) } ?? bytes.count
    let outcome: Result<(value: JSONValue, length: Int), JSONParseError> = bytes[start...].withUnsafeBufferPointer {
      buffer in
      do throws(JSONParseError) {
        return .success(try LenientJSONParser.parseValue(in: buffer))
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .failure(let error):
      fail("the lenient parser refuses JSON the strict one accepts", strict, error)
    case .success(let (value, length)):
      if value != strict { fail("the parsers read different values", strict, value) }
      if bytes[(start + length)...].contains(where: { !isWhitespace($0) }) {
        fail("the lenient parser stops early", bytes.count - start, length)
      }
    }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private static func describe(_ record: ReadRecord) -> String {
    "\(record.location) offset \(record.offset) #\(record.ordinal): \(record.raw)"
  }

  private static func fail(_ what: String, _ expected: some Any, _ found: some Any) -> Never {
    fatalError("pnsdoctor-fuzz readers: \(what)\n  expected: \(expected)\n  found:    \(found)")
  }
}
