import Foundation
import Testing

@testable import PNSDoctorCore

/// The bad-input corpus: files under `Fixtures/bad-input/` with their expected outcome in
/// `expected.json`, and cases generated from a real CDR (cut at every byte, every field given
/// every wrong type, a batch of 50,000). Each is imported between good inputs: it must give
/// clear messages saying where, and never lose the good records around it.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
  struct Expectations: Decodable {
    struct Case: Decodable {
      var file: String
      var read: Int
      var issues: [Issue]
    }
    struct Issue: Decodable {
      /// `line:column` of the record, or `file` for the whole input.
      var at: String
      var says: String
    }
    var cases: [Case]
  }

  static let goodBefore =
    #"{"eventType":"callin","statusInfo":{"sessionId":"around-1","timestamp":"2024-05-13 05:24:57","caller":"+8610000000021","called":"+8612000000001"}}"#
  static let goodAfter =
    #"{"eventType":"fee","feeLst":[{"sessionId":"around-2","callerNum":"+8610000000021","ulFailReason":8104,"callInTime":"2024-05-13 05:24:57"}]}"#

  static func corpusFolder() throws -> URL {
    try IngestHarness.fixturesFolder().appendingPathComponent("bad-input")
  }

  static func expectations() throws -> Expectations {
    let data = try Data(contentsOf: try corpusFolder().appendingPathComponent("expected.json"))
    return try JSONDecoder().decode(Expectations.self, from: data)
  }

  /// Imports a good input, `bytes` as `name`, and another good input into a new store.
  static func importBetweenGoodInputs(
    _ bytes: [UInt8], name: String
  ) throws -> (store: CallStore, statistics: ImportStatistics) {
    let store = try CallStore.inMemory()
    let importer = StoreImporter(store: store, batchSize: 7)
    var statistics = try importer.importSource(InMemoryByteSource(name: "before.jsonl", text: goodBefore + "\n"))
    statistics.merge(try importer.importSource(InMemoryByteSource(name: name, bytes: bytes)))
    statistics.merge(try importer.importSource(InMemoryByteSource(name: "after.jsonl", text: goodAfter + "\n")))
    return (store, statistics)
  }

  @Test("Every file of the corpus has its expected outcome, and the good inputs around it are stored")
  func corpusFiles() throws {
    let expected = try Self.expectations()
    let folder = try Self.corpusFolder()
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "expected.json" }
    #expect(Set(files) == Set(expected.cases.map(\.file)), "every corpus file has an expectation, and only those")
    for testCase in expected.cases {
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(testCase.file)))
      let (store, statistics) = try Self.importBetweenGoodInputs(bytes, name: testCase.file)
      #expect(statistics.read == testCase.read + 2, "\(testCase.file): messages read")
      #expect(statistics.issues.count == testCase.issues.count, "\(testCase.file): \(statistics.issues)")
      for (issue, wanted) in zip(statistics.issues, testCase.issues) {
        #expect(issue.location.source == testCase.file)
        let at = issue.location.line == 0 ? "file" : "\(issue.location.line):\(issue.location.column)"
        #expect(at == wanted.at, "\(testCase.file): where")
        #expect(issue.description.contains(wanted.says), "\(testCase.file): \(issue.description)")
      }
      #expect(try store.call(sessionId: "around-1") != nil, "\(testCase.file): the input before is stored")
      #expect(try store.call(sessionId: "around-2")?.detailRecord != nil, "\(testCase.file): the input after is stored")
    }
  }

  @Test("Duplicated keys: the last one wins, as in the JSON readers a customer's server uses")
  func duplicatedKeys() throws {
    let bytes = [UInt8](try Data(contentsOf: try Self.corpusFolder().appendingPathComponent("duplicated-keys.jsonl")))
    let (store, _) = try Self.importBetweenGoodInputs(bytes, name: "duplicated-keys.jsonl")
    #expect(try store.call(sessionId: "dup-1")?.detailRecord?.releasePoint == 8104)
  }

  @Test("A real CDR push cut at every byte: no crash, the cut record reported on its own line, its neighbours read")
  func truncatedAtEveryByte() throws {
    let push = try IngestHarness.fixtureBytes("axb-cdr-real.json").filter { $0 != UInt8(ascii: "\n") }
    let before = Array((Self.goodBefore + "\n").utf8)
    let after = Array(("\n" + Self.goodAfter + "\n").utf8)
    var cutsRejected = 0
    for length in 1..<push.count {
      let outcome = try IngestHarness.read(bytes: before + push.prefix(length) + after, name: "cut.json")
      let sessions = outcome.sessionIds
      #expect(sessions.first == "around-1", "cut at \(length)")
      #expect(sessions.last == "around-2", "cut at \(length): the record after the cut is read")
      #expect(!sessions.contains { $0.hasPrefix("+86134") }, "cut at \(length): a cut record is never read as whole")
      // Any issue names the cut record's line, or the line after when the cut swallowed it.
      for issue in outcome.issues {
        #expect([2, 3].contains(issue.location.line), "cut at \(length): \(issue)")
      }
      if !outcome.issues.isEmpty { cutsRejected += 1 }
    }
    // A cut before the first `{"` leaves text that holds no record, which is skipped quietly;
    // every other cut is reported.
    #expect(cutsRejected >= push.count - 3)
  }

  @Test("Every field of a real CDR holding every wrong type: read leniently or rejected naming the field")
  func wrongTypeInEveryField() throws {
    let push = try IngestHarness.fixtureBytes("axb-cdr-real.json")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(push)) as? [String: Any])
    let record = try #require((document["feeLst"] as? [[String: Any]])?.first)
    let wrongValues: [String] = [#"{}"#, #"[1]"#, "true", "-1", "1.5", "1e400", "99999999999999999999", #""x""#]
    var cases = 0
    for key in record.keys.sorted() {
      for wrong in wrongValues {
        var fields = record.keys.sorted().filter { $0 != key }.map { name -> String in
          let value = try? JSONSerialization.data(withJSONObject: [record[name] ?? NSNull()])
          let text = value.map { String(decoding: $0, as: UTF8.self) } ?? "[null]"
          return "\"\(name)\":" + String(text.dropFirst().dropLast())
        }
        fields.append("\"\(key)\":\(wrong)")
        let line = #"{"eventType":"fee","feeLst":[{"# + fields.joined(separator: ",") + "}]}"
        let text = Self.goodBefore + "\n" + line + "\n" + Self.goodAfter + "\n"
        let outcome = try IngestHarness.read(text: text, name: "types.jsonl")
        cases += 1
        #expect(outcome.sessionIds.first == "around-1" && outcome.sessionIds.last == "around-2", "\(key)=\(wrong)")
        for issue in outcome.issues {
          #expect(issue.location.line == 2, "\(key)=\(wrong): \(issue)")
          #expect(issue.description.contains(key), "\(key)=\(wrong): the message names the field: \(issue)")
        }
        #expect(outcome.records.count + outcome.issues.count == 3, "\(key)=\(wrong): read or rejected, never dropped")
      }
    }
    #expect(cases == record.count * wrongValues.count)
  }

  @Test("50,000 records in one feeLst are all read, and the inputs around them too")
  func fiftyThousandRecordsInOneBatch() throws {
    let record =
      #"{"direction":1,"spId":"sp","appKey":"****","icid":"icid-NUM","bindNum":"+8612000000001","sessionId":"bulk-NUM","subscriptionId":"sub-1","callerNum":"+8610000000021","calleeNum":"+8612000000001","fwdDisplayNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":0,"ulFailReason":8104,"sipStatusCode":0,"serviceType":"004"}"#
    var batch = #"{"eventType":"fee","feeLst":["#
    for index in 0..<50_000 {
      if index > 0 { batch += "," }
      batch += record.replacingOccurrences(of: "NUM", with: String(index))
    }
    batch += "]}"
    let text = Self.goodBefore + "\n" + batch + "\n" + Self.goodAfter + "\n"
    let outcome = try IngestHarness.read(text: text, name: "bulk.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.detailRecords.count == 50_001)
    #expect(outcome.sessionIds.first == "around-1" && outcome.sessionIds.last == "around-2")
    #expect(Set(outcome.detailRecords.map(\.sessionId)).count == 50_001)
  }
}
