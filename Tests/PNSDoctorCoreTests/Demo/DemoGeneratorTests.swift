import Testing

@testable import PNSDoctorCore

@Suite("Demo data")
struct DemoGeneratorTests {
  private func generate(count: Int, seed: UInt64) -> (bytes: [UInt8], summary: DemoGenerator.Summary) {
    var bytes: [UInt8] = []
    let summary = DemoGenerator(count: count, seed: seed).generate { bytes.append(contentsOf: $0) }
    return (bytes, summary)
  }

  @Test func theSameSeedGivesTheSameBytes() {
    let first = generate(count: 300, seed: 7)
    let again = generate(count: 300, seed: 7)
    let other = generate(count: 300, seed: 8)
    #expect(first.bytes == again.bytes)
    #expect(first.bytes != other.bytes)
    #expect(first.summary.calls == 300)
  }

  @Test func everyLineIsReadableAndTheMixIsRealistic() throws {
    let (bytes, summary) = generate(count: 2000, seed: 3)
    var reader = InputReader(source: InMemoryByteSource(name: "demo", bytes: bytes))
    var sessions = Set<String>()
    var issues: [ReadIssue] = []
    var smsResults = Set<Int>()
    var modes = Set<String>()
    while let item = try reader.next() {
      switch item {
      case .issue(let issue): issues.append(issue)
      case .record(let record):
        switch record.message {
        case .callDetailRecord(let cdr):
          sessions.insert(cdr.sessionId)
          if let type = cdr.serviceType { modes.insert(type) }
        case .sms(let sms): smsResults.insert(sms.sendResult ?? -1)
        default: break
        }
      }
    }
    #expect(issues.isEmpty)
    #expect(sessions.count == 2000)
    #expect(modes == ["003", "004", "005", "007"])
    let failedShare = Double(summary.failedCalls) / Double(summary.calls)
    #expect(failedShare > 0.15 && failedShare < 0.40, "most calls succeed, a real minority fail")
    #expect(summary.rePushes > 0)
    #expect(summary.smsNotifications > 100)
    #expect(smsResults.contains(0) && smsResults.contains(12) && smsResults.contains(13))
  }

  @Test func numbersAreAllFake() {
    let text = String(decoding: generate(count: 500, seed: 11).bytes, as: UTF8.self)
    // Every "+86…" number falls in the unassigned 10x (users) or 12x (privacy numbers) blocks.
    let numbers = text.split(separator: "\"").filter { $0.hasPrefix("+86") }
    #expect(!numbers.isEmpty)
    #expect(numbers.allSatisfy { $0.hasPrefix("+8610") || $0.hasPrefix("+8612") })
  }
}
