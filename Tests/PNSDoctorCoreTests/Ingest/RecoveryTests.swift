import Testing

@testable import PNSDoctorCore

/// After a broken record, reading picks up at the next real record: not later (losing one),
/// and not inside the broken one (inventing one).
@Suite("Recovery after a broken record")
struct RecoveryTests {
  private let good1 = #"{"eventType":"callin","statusInfo":{"sessionId":"r-1","timestamp":"2024-05-13 05:24:57"}}"#
  private let good2 = #"{"eventType":"answer","statusInfo":{"sessionId":"r-2","timestamp":"2024-05-13 05:25:10"}}"#

  @Test func aLogLineCutAfterAKeyDoesNotSwallowTheNextLogLine() throws {
    let text = """
      2024-05-13 05:24:57 INFO status - body={"eventType":"callin","statusInfo":
      2024-05-13 05:24:58 INFO status - body=\(good1)
      2024-05-13 05:24:59 INFO status - body=\(good2)
      """
    let outcome = try IngestHarness.read(text: text, name: "log")
    #expect(outcome.sessionIds == ["r-1", "r-2"])
    #expect(outcome.issues.count == 1)
    #expect(outcome.issues.first?.location.line == 1)
  }

  @Test func aPythonPrettyPrintedListWithOneBrokenElementKeepsTheOthers() throws {
    // pprint style: the first element follows '[', the others are indented by one space.
    let text = """
      [{'eventType': 'callin', 'statusInfo': {'sessionId': 'r-1', 'timestamp': '2024-05-13 05:24:57'}},
       {'eventType': 'callin', 'statusInfo': {'sessionId': 'broken' 'timestamp': '2024-05-13 05:24:58'}},
       {'eventType': 'answer', 'statusInfo': {'sessionId': 'r-2', 'timestamp': '2024-05-13 05:25:10'}}]
      """
    let outcome = try IngestHarness.read(text: text, name: "pprint")
    #expect(outcome.sessionIds == ["r-1", "r-2"])
    #expect(outcome.issues.count == 1)
    #expect(outcome.issues.first?.location == SourceLocation(source: "pprint", line: 2, column: 2))
  }

  @Test func aBrokenBatchDoesNotReleaseItsRecordsAsBareOnes() throws {
    let text = """
      {
        "eventType": "fee",
        "feeLst": [
          {"sessionId": "inner-1", "callerNum": "+86100****0001", "ulFailReason": 0},
          {"sessionId": "inner-2", "callerNum": "+86100****0002" "ulFailReason": 0},
          {"sessionId": "inner-3", "callerNum": "+86100****0003", "ulFailReason": 0}
        ]
      }
      \(good1)
      """
    let outcome = try IngestHarness.read(text: text, name: "batch")
    #expect(outcome.sessionIds == ["r-1"])
    #expect(outcome.issues.count == 1)
    #expect(outcome.issues.first?.location.line == 1)
  }

  @Test func junkBetweenRecordsIsSkippedAndTheRecordAfterABrokenOneOnTheSameLineIsRead() throws {
    let text = #"noise [INFO] {"broken": } then body=\#(good1)"# + "\n" + good2
    let outcome = try IngestHarness.read(text: text, name: "same-line")
    #expect(outcome.sessionIds == ["r-1", "r-2"])
    #expect(outcome.issues.count == 1)
  }
}
