import Foundation
import Testing

@testable import PNSDoctorCore

/// Everything one input yielded, in reading order.
struct ReaderOutcome {
  enum Entry {
    case record(ReadRecord)
    case issue(ReadIssue)
  }

  var entries: [Entry] = []

  var records: [ReadRecord] {
    entries.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
  }

  var issues: [ReadIssue] {
    entries.compactMap { if case .issue(let issue) = $0 { return issue } else { return nil } }
  }

  var messages: [Message] { records.map(\.message) }

  /// `Message.kindName` of every record, in order.
  var kinds: [String] { messages.map(\.kindName) }

  /// `record` or `issue` for every entry, to check how problems and records interleave.
  var shape: [String] {
    entries.map {
      switch $0 {
      case .record: return "record"
      case .issue: return "issue"
      }
    }
  }

  var callEvents: [CallEvent] {
    messages.compactMap { if case .callEvent(let event) = $0 { return event } else { return nil } }
  }

  var detailRecords: [CallDetailRecord] {
    messages.compactMap { if case .callDetailRecord(let record) = $0 { return record } else { return nil } }
  }

  var smsNotifications: [SMSNotification] {
    messages.compactMap { if case .sms(let sms) = $0 { return sms } else { return nil } }
  }

  var apiResponses: [APIResponse] {
    messages.compactMap { if case .apiResponse(let response) = $0 { return response } else { return nil } }
  }

  /// Session ids of the events and CDRs read, in order.
  var sessionIds: [String] { messages.compactMap(\.sessionId) }
}

/// Runs `InputReader` over test inputs and fixtures.
enum IngestHarness {
  /// Reads every item of `source` until the reader is exhausted.
  static func read<Source: ByteSource>(_ source: Source) throws -> ReaderOutcome {
    var reader = InputReader(source: source)
    var outcome = ReaderOutcome()
    while let item = try reader.next() {
      switch item {
      case .record(let record): outcome.entries.append(.record(record))
      case .issue(let issue): outcome.entries.append(.issue(issue))
      }
    }
    return outcome
  }

  static func read(text: String, name: String = "test.log") throws -> ReaderOutcome {
    try read(InMemoryByteSource(name: name, text: text))
  }

  static func read(bytes: [UInt8], name: String = "test.log") throws -> ReaderOutcome {
    try read(InMemoryByteSource(name: name, bytes: bytes))
  }

  /// The folder of sample payloads, copied into the test bundle by `resources: [.copy("Fixtures")]`.
  static func fixturesFolder() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  }

  /// The bytes of a fixture file.
  static func fixtureBytes(_ fileName: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixturesFolder().appendingPathComponent(fileName)))
  }

  /// Reads a fixture file from memory (see `readFixtureFile` for the file-descriptor path).
  static func readFixture(_ fileName: String) throws -> ReaderOutcome {
    try read(InMemoryByteSource(name: fileName, bytes: fixtureBytes(fileName)))
  }

  /// Reads a fixture file through the file-descriptor source `pnsdoctor import FILE` uses.
  ///
  /// Slow in debug builds (each read zero-fills a 4 MiB chunk), so used sparingly.
  static func readFixtureFile(_ fileName: String) throws -> ReaderOutcome {
    let path = try fixturesFolder().appendingPathComponent(fileName).path
    return try read(FileDescriptorByteSource(path: path))
  }

  /// `Timestamp.parse` that fails the test instead of returning `nil`.
  static func time(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Timestamp {
    try #require(Timestamp.parse(text), "not a time: \(text)", sourceLocation: sourceLocation)
  }
}
