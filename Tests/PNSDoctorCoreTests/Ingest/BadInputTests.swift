import Foundation
import Testing

@testable import PNSDoctorCore

/// Every bad input gives one clear issue, with where it is, and never hides the good records
/// around it.
@Suite("Bad inputs")
struct BadInputTests {
  static let name = "bad.log"

  static let goodEvent =
    #"{"eventType":"callin","statusInfo":{"sessionId":"good-1","timestamp":"2024-05-13 05:24:57"}}"#
  static let goodCDR =
    #"{"eventType":"fee","feeLst":[{"sessionId":"good-2","callerNum":"+86138****0021","ulFailReason":0}]}"#
  static let goodAnswer =
    #"{"eventType":"answer","statusInfo":{"sessionId":"good-3","timestamp":"2024-05-13 05:25:10"}}"#

  private func at(_ line: Int, _ column: Int) -> PNSDoctorCore.SourceLocation {
    PNSDoctorCore.SourceLocation(source: Self.name, line: line, column: column)
  }

  private func read(_ lines: [String]) throws -> ReaderOutcome {
    try IngestHarness.read(text: lines.joined(separator: "\n") + "\n", name: Self.name)
  }

  private func read(bytes: [UInt8]) throws -> ReaderOutcome {
    try IngestHarness.read(bytes: bytes, name: Self.name)
  }

  // MARK: - Broken records

  @Test("A JSON Lines file whose middle line is cut inside a string")
  func lineCutInsideString() throws {
    let cut = #"{"eventType":"fee","feeLst":[{"sessionId":"cut-1","callerNum":"+86138****0021","callInTi"#
    let outcome = try read([Self.goodEvent, cut, Self.goodCDR])
    #expect(outcome.shape == ["record", "issue", "record"])
    #expect(outcome.sessionIds == ["good-1", "good-2"])
    let issue = try #require(outcome.issues.first)
    #expect(issue.reason == .malformed(.lineBreakInString, problem: at(2, cut.count + 1)))
    #expect(issue.location == at(2, 1))
    #expect(issue.description.hasPrefix("bad.log:2:1: line break inside a string"))
    #expect(outcome.records.last?.location == at(3, 1))
  }

  @Test("A JSON Lines file whose middle line is cut after a value")
  func lineCutAfterValue() throws {
    let cut = #"{"eventType":"fee","feeLst":[{"sessionId":"cut-2","direction":1"#
    let outcome = try read([Self.goodEvent, cut, Self.goodCDR, Self.goodAnswer])
    #expect(outcome.shape == ["record", "issue", "record", "record"])
    #expect(outcome.sessionIds == ["good-1", "good-2", "good-3"])
    let issue = try #require(outcome.issues.first)
    // The cut line runs into the next record: the problem is that record's opening brace.
    #expect(issue.reason == .malformed(.unexpectedCharacter("'{'", expected: "',' or '}'"), problem: at(3, 1)))
    #expect(issue.location == at(2, 1))
  }

  @Test("A last record cut off at the end of the input")
  func lastRecordCutAtEnd() throws {
    let cut = #"{"eventType":"fee","feeLst":[{"sessionId":"cut-3""#
    let outcome = try IngestHarness.read(text: Self.goodEvent + "\n" + cut, name: Self.name)
    #expect(outcome.shape == ["record", "issue"])
    let issue = try #require(outcome.issues.first)
    #expect(issue.reason == .malformed(.unexpectedEnd(expected: "',' or '}'"), problem: at(2, cut.count + 1)))
    #expect(issue.explanation(in: .english).hasPrefix("truncated record"))
  }

  @Test(
    "A line cut right after ',', ':' or '[' does not swallow the complete record on the next line",
    arguments: [
      #"{"eventType":"fee","feeLst":[{"sessionId":"cut-4","direction":1},"#,
      #"{"eventType":"fee","feeLst":"#,
      #"{"eventType":"fee","feeLst":["#,
    ]
  )
  func lineCutBeforeAValueKeepsNextRecord(cut: String) throws {
    let outcome = try read([Self.goodEvent, cut, Self.goodCDR, Self.goodAnswer])
    #expect(outcome.sessionIds == ["good-1", "good-2", "good-3"])
    #expect(outcome.shape == ["record", "issue", "record", "record"])
    #expect(outcome.issues.first?.location == at(2, 1))
  }

  @Test(
    "One broken element of a pretty-printed array of records does not hide the other elements"
  )
  func brokenElementInArray() throws {
    let brokenLine = #"  {"eventType":"callin","statusInfo":{"sessionId":"arr-2" "timestamp":"2024-05-13 05:24:58"}},"#
    let outcome = try read(["[", "  " + Self.goodEvent + ",", brokenLine, "  " + Self.goodAnswer, "]", Self.goodCDR])
    #expect(outcome.sessionIds == ["good-1", "good-3", "good-2"])
    let space = try #require(brokenLine.range(of: #" "timestamp""#))
    let column = brokenLine.distance(from: brokenLine.startIndex, to: space.lowerBound) + 2
    #expect(outcome.issues.count == 1)
    #expect(
      outcome.issues.first?.reason
        == .malformed(.unexpectedCharacter("'\"'", expected: "',' or '}'"), problem: at(3, column)))
    // The issue names the broken element, not the whole array.
    #expect(outcome.issues.first?.location == at(3, 3))
    // The record after the array is read.
    #expect(outcome.sessionIds.last == "good-2")
  }

  @Test("A broken pretty-printed push does not turn its nested statusInfo into a record")
  func brokenPrettyPrintedEvent() throws {
    let broken = """
      {
        "eventType": "disconnect",,
        "statusInfo": {
          "sessionId": "broken-1",
          "timestamp": "2019-01-24 07:03:28",
          "stateCode": 0,
          "stateDesc": "The user releases the call."
        }
      }
      """
    let outcome = try read([broken, Self.goodAnswer])
    #expect(outcome.shape == ["issue", "record"])
    #expect(outcome.sessionIds == ["good-3"])
    let issue = try #require(outcome.issues.first)
    #expect(
      issue.reason == .malformed(.unexpectedCharacter("','", expected: "a quoted key or '}'"), problem: at(2, 29)))
    #expect(issue.location == at(1, 1))
    #expect(outcome.records.first?.location == at(10, 1))
  }

  @Test("A broken pretty-printed CDR push does not turn its indented records into records")
  func brokenPrettyPrintedBatch() throws {
    let broken = """
      {
        "eventType": "fee"
        "feeLst": [
          {
            "sessionId": "broken-2",
            "callerNum": "+86138****0021",
            "ulFailReason": 0
          },
          {"sessionId": "broken-3", "callerNum": "+86138****0021", "ulFailReason": 0}
        ]
      }
      """
    let outcome = try read([broken, Self.goodCDR])
    #expect(outcome.shape == ["issue", "record"])
    #expect(outcome.sessionIds == ["good-2"])
    let issue = try #require(outcome.issues.first)
    #expect(issue.reason == .malformed(.unexpectedCharacter("'\"'", expected: "',' or '}'"), problem: at(3, 3)))
  }

  // MARK: - Fields

  @Test("A wrong type that loses information rejects its record only")
  func wrongTypes() throws {
    let outcome = try read([
      #"{"eventType":"fee","feeLst":[{"sessionId":"w-1","ulFailReason":"busy"},{"sessionId":"w-2","ulFailReason":"518"}]}"#,
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"w-3","stateCode":518.5}}"#,
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"w-4","stateCode":518.0}}"#,
      #"{"eventType":"fee","feeLst":[{"sessionId":"w-5","callerNum":{"number":"+86138****0021"}}]}"#,
      Self.goodAnswer,
    ])
    #expect(outcome.shape == ["issue", "record", "issue", "record", "issue", "record"])
    #expect(outcome.sessionIds == ["w-2", "w-4", "good-3"])
    #expect(
      outcome.issues.map(\.reason) == [
        .wrongType(path: "feeLst[0].ulFailReason", expected: "an integer", found: "\"busy\""),
        .wrongType(path: "statusInfo.stateCode", expected: "an integer", found: "518.5"),
        .wrongType(path: "feeLst[0].callerNum", expected: "a string", found: "an object"),
      ])
    #expect(outcome.issues.map(\.location.line) == [1, 2, 4])
    #expect(outcome.detailRecords.first?.releasePoint == 518)
    #expect(outcome.callEvents.first?.stateCode == 518, "518.0 is a whole number: nothing is lost")
    let explanation = try #require(outcome.issues.first).explanation(in: .english)
    #expect(explanation == "field feeLst[0].ulFailReason should be an integer but holds \"busy\"")
  }

  @Test("A time that is not a time, or an impossible date, is reported with the text")
  func invalidTimes() throws {
    let outcome = try read([
      #"{"eventType":"fee","feeLst":[{"sessionId":"t-1","callEndTime":"2019-02-30 00:00:00"}]}"#,
      #"{"eventType":"answer","statusInfo":{"sessionId":"t-2","timestamp":"yesterday"}}"#,
      Self.goodCDR,
    ])
    #expect(outcome.shape == ["issue", "issue", "record"])
    #expect(
      outcome.issues.map(\.reason) == [
        .invalidTime(path: "feeLst[0].callEndTime", text: "2019-02-30 00:00:00"),
        .invalidTime(path: "statusInfo.timestamp", text: "yesterday"),
      ])
  }

  @Test("A CDR without sessionId is rejected, bare or in a push, and its neighbours are read")
  func missingSessionId() throws {
    let outcome = try read([
      #"{"callerNum":"+86138****0021","calleeNum":"+86170****4375","ulFailReason":518}"#,
      #"{"eventType":"fee","feeLst":[{"callerNum":"+86138****0021","ulFailReason":0},{"sessionId":"m-2","ulFailReason":0}]}"#,
      #"{"eventType":"disconnect","stateCode":0,"timestamp":"2024-05-13 05:25:41"}"#,
      Self.goodEvent,
    ])
    #expect(outcome.shape == ["issue", "issue", "record", "issue", "record"])
    #expect(outcome.sessionIds == ["m-2", "good-1"])
    #expect(
      outcome.issues.map(\.reason) == [
        .missingField(path: "sessionId"), .missingField(path: "feeLst[0].sessionId"),
        .missingField(path: "statusInfo"),
      ])
    #expect(outcome.issues.map(\.location) == [at(1, 1), at(2, 30), at(3, 1)])
  }

  @Test("JSON that is not a platform message, an empty batch, and a feeLst that is no array")
  func notMessages() throws {
    let outcome = try read([
      #"{"status":"ok","port":8080}"#,
      #"{"eventType":"fee","feeLst":[]}"#,
      #"{"eventType":"fee","feeLst":"none"}"#,
      Self.goodCDR,
    ])
    #expect(outcome.shape == ["issue", "issue", "issue", "record"])
    #expect(
      outcome.issues.map(\.reason) == [
        .notAMessage(keys: ["status", "port"]), .emptyBatch,
        .wrongType(path: "feeLst", expected: "an array", found: "a string"),
      ])
  }

  // MARK: - Bytes

  @Test("A byte that is not UTF-8 inside a string is reported where it is")
  func invalidUTF8() throws {
    let head = #"{"eventType":"callin","statusInfo":{"sessionId":"bad-"#
    let tail = #"","timestamp":"2024-05-13 05:24:57"}}"#
    // GBK text in a log written by a Chinese Windows tool: 用户 is D3 C3 BB A7.
    let gbkHead = #"{"eventType":"disconnect","statusInfo":{"sessionId":"gbk-1","stateDesc":""#
    var bytes = Array((Self.goodEvent + "\n" + head).utf8) + [0xFF] + Array((tail + "\n").utf8)
    bytes += Array(gbkHead.utf8) + [0xD3, 0xC3, 0xBB, 0xA7] + Array(("\"}}\n" + Self.goodCDR + "\n").utf8)
    let outcome = try read(bytes: bytes)
    #expect(outcome.shape == ["record", "issue", "issue", "record"])
    #expect(outcome.sessionIds == ["good-1", "good-2"])
    #expect(
      outcome.issues.map(\.reason) == [
        .malformed(.invalidUTF8(byte: 0xFF), problem: at(2, head.count + 1)),
        .malformed(.invalidUTF8(byte: 0xD3), problem: at(3, gbkHead.count + 1)),
      ])
    let explanation = try #require(outcome.issues.first).explanation(in: .english)
    #expect(explanation.contains("0xFF") && explanation.contains("iconv"))
  }

  @Test("A \\u escape whose digits include a control byte is refused, not read as a digit")
  func controlByteInUnicodeEscape() throws {
    // 0x11 with the lower-case bit set is '1': a test that folded case first took it for a digit.
    for control: Character in ["\u{11}", "\u{10}", "\u{19}"] {
      let text = "\"\\u00" + String(control) + "1\""
      #expect(throws: JSONParseError(.invalidEscape("hex digit expected"), at: 1)) {
        try LenientJSONParser.parse(text)
      }
    }
    #expect(try LenientJSONParser.parse(#""\u00Af""#) == .string("\u{AF}"))
  }

  @Test("A 100 MiB line is skipped as too large and the records after it are still read")
  func oversizedLine() throws {
    let head = Array(#"{"eventType":"fee","feeLst":[{"sessionId":"huge","userData":""#.utf8)
    var bytes = Array((Self.goodEvent + "\n").utf8)
    bytes += head
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
    bytes += Array(("\"}]}\n" + Self.goodCDR + "\n" + Self.goodAnswer + "\n").utf8)
    let outcome = try read(bytes: bytes)
    #expect(outcome.shape == ["record", "issue", "record", "record"])
    #expect(outcome.sessionIds == ["good-1", "good-2", "good-3"])
    let issue = try #require(outcome.issues.first)
    #expect(issue.reason == .malformed(.tooLarge(limit: 64 << 20), problem: at(2, 1)))
    #expect(issue.location == at(2, 1))
    #expect(issue.explanation(in: .english).contains("64 MiB"))
    #expect(outcome.records.map(\.location.line) == [1, 3, 4])
  }

  @Test("1,000 nested arrays, or objects, are refused before they can exhaust the stack")
  func deepNesting() throws {
    let arrays = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
    let objects = String(repeating: #"{"a":"#, count: 1000) + "1" + String(repeating: "}", count: 1000)
    let outcome = try read([arrays, Self.goodEvent, objects, Self.goodCDR])
    #expect(outcome.shape == ["issue", "record", "issue", "record"])
    #expect(outcome.sessionIds == ["good-1", "good-2"])
    let limit = LenientJSONParser.maximumDepth
    #expect(
      outcome.issues.map(\.reason) == [
        .malformed(.tooDeep(limit: limit), problem: at(1, limit + 1)),
        .malformed(.tooDeep(limit: limit), problem: at(3, limit * 5 + 1)),
      ])
  }

  // MARK: - Whole inputs

  @Test("An empty input")
  func emptyInput() throws {
    let outcome = try read(bytes: [])
    #expect(outcome.shape == ["issue"])
    #expect(outcome.issues.first?.reason == .emptyInput)
    #expect(outcome.issues.first?.location == PNSDoctorCore.SourceLocation(source: Self.name))
    #expect(outcome.issues.first?.description == "bad.log: empty input: nothing to read")
  }

  @Test("Text with no JSON at all, or only blank lines")
  func noMessages() throws {
    let texts = [
      "2024-05-13 05:24:57 INFO receiver started on port 8080 [main]\nGET /health HTTP/1.1 {ok}\n",
      "  \n\n\t\n",
    ]
    for text in texts {
      let outcome = try IngestHarness.read(text: text, name: Self.name)
      #expect(outcome.shape == ["issue"])
      #expect(outcome.issues.first?.reason == .noMessagesFound)
      #expect(outcome.issues.first?.location.line == 0)
    }
  }

  @Test("Binary data is refused as a whole, even when it holds JSON-looking bytes")
  func binaryInput() throws {
    // A fixed linear congruential generator: the same bytes on every run.
    var state: UInt32 = 0x2024_0513
    var bytes: [UInt8] = (0..<8192).map { index in
      state = state &* 1_664_525 &+ 1_013_904_223
      let byte = UInt8(truncatingIfNeeded: state >> 24)
      return index % 3 == 0 ? byte & 0x07 : byte
    }
    bytes[0] = 0x01
    bytes.replaceSubrange(100..<100 + Self.goodCDR.utf8.count, with: Array(Self.goodCDR.utf8))
    let outcome = try read(bytes: bytes)
    #expect(outcome.shape == ["issue"])
    #expect(outcome.issues.first?.reason == .binary)
    #expect(outcome.issues.first?.location.line == 0)
  }

  @Test(
    "Compressed files are refused with their format",
    arguments: [
      ("gzip", [0x1F, 0x8B, 0x08, 0x00]), ("zip", [0x50, 0x4B, 0x03, 0x04]), ("bzip2", [0x42, 0x5A, 0x68, 0x39]),
      ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]), ("zstd", [0x28, 0xB5, 0x2F, 0xFD]),
    ] as [(String, [UInt8])]
  )
  func compressedInput(format: String, magic: [UInt8]) throws {
    let outcome = try read(bytes: magic + Array((Self.goodCDR + "\n").utf8))
    #expect(outcome.shape == ["issue"])
    #expect(outcome.issues.first?.reason == .compressed(format: format))
  }

  @Test("A real gzip file of a CDR is refused, with a hint to decompress it")
  func gzipFile() throws {
    // gzip of {"eventType":"fee","feeLst":[{"sessionId":"gz-1","ulFailReason":0}]} and a line feed.
    let gzip: [UInt8] = [
      0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xAB, 0x56, 0x4A, 0x2D, 0x4B, 0xCD, 0x2B, 0x09,
      0xA9, 0x2C, 0x48, 0x55, 0xB2, 0x52, 0x4A, 0x4B, 0x4D, 0x55, 0xD2, 0x01, 0x91, 0x3E, 0xC5, 0x25, 0x4A, 0x56,
      0xD1, 0xD5, 0x4A, 0xC5, 0xA9, 0xC5, 0xC5, 0x99, 0xF9, 0x79, 0x9E, 0x29, 0x40, 0xC9, 0xF4, 0x2A, 0x5D, 0x43,
      0xA0, 0x6C, 0x69, 0x8E, 0x5B, 0x62, 0x66, 0x4E, 0x50, 0x6A, 0x62, 0x71, 0x7E, 0x9E, 0x92, 0x95, 0x41, 0x6D,
      0x6C, 0x2D, 0x17, 0x00, 0x68, 0xAE, 0x9E, 0xF2, 0x45, 0x00, 0x00, 0x00,
    ]
    let outcome = try read(bytes: gzip)
    #expect(outcome.shape == ["issue"])
    let issue = try #require(outcome.issues.first)
    #expect(issue.reason == .compressed(format: "gzip"))
    #expect(issue.explanation(in: .english).contains("zcat"))
  }

  @Test("UTF-16 text is refused, with or without a byte order mark, in either byte order")
  func utf16Input() throws {
    let units = Array((Self.goodCDR + "\n").utf16)
    let littleEndian = units.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    let bigEndian = units.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
    for bytes in [[0xFF, 0xFE] + littleEndian, [0xFE, 0xFF] + bigEndian, littleEndian, bigEndian] {
      let outcome = try read(bytes: bytes)
      #expect(outcome.shape == ["issue"])
      #expect(outcome.issues.first?.reason == .utf16)
    }
  }
}
