import Testing

@testable import PNSDoctorCore

/// A record holding many bad elements costs work linear in its size, reports the first ones at
/// their own place and counts the rest (a batch of 0s once took the square of its size).
@Suite struct ManyBadElementsTests {
  /// Reads `text` whole; returns the issues and the locating work done.
  private func read(_ text: String) -> (records: Int, issues: [ReadIssue], work: Int) {
    var reader = InputReader(source: InMemoryByteSource(name: "many.json", text: text))
    let (records, issues) = reader.readAll()
    return (records.count, issues, reader.locatingWork)
  }

  private func batch(of elements: [String]) -> String {
    #"{"eventType":"fee","feeLst":["# + elements.joined(separator: ",") + "]}"
  }

  @Test func describesTwentyAndCountsTheRest() {
    let outcome = read(batch(of: Array(repeating: "0", count: 5000)))
    #expect(outcome.records == 0)
    #expect(outcome.issues.count == ReadIssue.describedPerRecord + 1)
    #expect(outcome.issues.reduce(0) { $0 + $1.rejections } == 5000)
    // Each described element at its own column: `0` number k starts at column 30 + 2k.
    #expect(outcome.issues[0].location.column == 30)
    #expect(outcome.issues[19].location.column == 30 + 2 * 19)
    guard case .furtherProblems(let count) = outcome.issues.last?.reason else {
      Issue.record("no summary issue")
      return
    }
    #expect(count == 5000 - 20)
  }

  @Test func workGrowsLinearlyWhenTheRecordDoubles() {
    for element in ["0", "{}"] {
      var previous: Int?
      for size in [2000, 4000, 8000, 16000] {
        let outcome = read(batch(of: Array(repeating: element, count: size)))
        #expect(outcome.issues.reduce(0) { $0 + $1.rejections } == size)
        #expect(outcome.issues.count <= ReadIssue.describedPerRecord + 1)
        if let previous { #expect(Double(outcome.work) <= 2.2 * Double(previous), "\(element) × \(size)") }
        previous = outcome.work
      }
    }
  }

  @Test func goodElementsOfABadBatchAreKept() {
    let good = #"{"sessionId":"s-1","callerNum":"+8610000000001","callInTime":"2026-11-23 04:19:59"}"#
    let outcome = read(batch(of: Array(repeating: "0", count: 100) + [good]))
    #expect(outcome.records == 1)
    #expect(outcome.issues.reduce(0) { $0 + $1.rejections } == 100)
  }

  @Test func elementsOnTheirOwnLinesAreLocatedThere() {
    let text = "{\"eventType\":\"fee\",\"feeLst\":[\n  {\"sessionId\":\"a\"},\n  5,\n  {}\n]}\n"
    let outcome = read(text)
    #expect(outcome.issues.map { "\($0.location.line):\($0.location.column)" } == ["3:3", "4:3"])
  }

  @Test func arraysOfEmptyArraysAreNotSilentlyEmpty() {
    let outcome = read("[" + Array(repeating: "[]", count: 1000).joined(separator: ",") + "]")
    #expect(outcome.records == 0)
    #expect(outcome.issues.reduce(0) { $0 + $1.rejections } == 1000)
    #expect(outcome.issues.first?.reason == .emptyArray)
  }

  @Test func pythonNotANumberReadsAsAbsentAndInfinityIsRejectedByName() {
    let nan = read("{'sessionId': 's-2', 'callerNum': '+8610000000001', 'duration': nan}")
    #expect(nan.records == 1)
    #expect(nan.issues.isEmpty)
    let inf = read("{'sessionId': 's-3', 'callerNum': '+8610000000001', 'ulFailReason': -inf}")
    #expect(inf.records == 0)
    #expect(inf.issues.first?.description.contains("ulFailReason") == true)
  }
}
