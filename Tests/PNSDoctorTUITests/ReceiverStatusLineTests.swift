import Foundation
import PNSDoctorCore
import PNSDoctorTUI
import Testing

/// A TUI on a store the live receiver writes to shows the receiver's state on its status line.
@Suite("The receiver on the status line and the Stats screen")
struct ReceiverStatusLineTests {
  @Test("pushes in the last minute, the last push, the last hour's upstream failures; nothing without a receiver")
  func receiverStateShown() throws {
    let store = try TUIFixtures.store()
    let quiet = HeadlessSession(store: store, knowledge: TUIFixtures.knowledge, width: 220, storeName: "fixture")
    #expect(!quiet.start().lines.joined().contains("receiver"), "no receiver part on a store no receiver wrote")

    let now = Int64(Date().timeIntervalSince1970 * 1000)
    let body = Array(#"{"eventType":"disconnect","statusInfo":{"sessionId":"live-1@fake.example","timestamp":"2026-12-03 08:00:00","stateCode":0}}"#.utf8)
    _ = try PushWriter(store: store, engine: nil).write([
      ReceivedPush(receivedMs: now - 1_000, method: "POST", path: "/status", body: body, signature: .verified),
      ReceivedPush(
        receivedMs: now - 500, method: "POST", path: "/status", body: body, signature: .verified,
        upstream: .init(status: 500, microseconds: 2_000, error: nil)),
      ReceivedPush(receivedMs: now - 120_000, method: "POST", path: "/status", body: body, signature: .unsigned),
    ])
    let session = HeadlessSession(store: store, knowledge: TUIFixtures.knowledge, width: 220, storeName: "fixture")
    let status = session.start().lines[38]
    #expect(status.contains("receiver 2/min last "), "\(status)")
    #expect(status.contains("1 upstream failed/h"), "\(status)")
    #expect(status.contains("2 push problems/h"), "\(status)")
  }

  @Test("Stats: the receiver's day (outcomes, signatures, upstream answers, the latest failure, masked); one line without a receiver")
  func receiverSectionOnStats() throws {
    let store = try TUIFixtures.store()
    let quiet = HeadlessSession(store: store, knowledge: TUIFixtures.knowledge, width: 220, storeName: "fixture")
    quiet.start()
    quiet.press(.tab)
    let before = quiet.press(.tab).lines
    #expect(!before.joined().contains("LIVE RECEIVER"), "no live section on a store no receiver wrote")
    #expect(before.contains { $0.hasPrefix("RECEIVER  ") })

    let now = Int64(Date().timeIntervalSince1970 * 1000)
    let body = Array(#"{"eventType":"disconnect","statusInfo":{"sessionId":"live-2@fake.example","timestamp":"2026-12-03 08:00:00","stateCode":0}}"#.utf8)
    _ = try PushWriter(store: store, engine: nil).write([
      ReceivedPush(
        receivedMs: now - 2_000, method: "POST", path: "/status", body: body, signature: .verified,
        upstream: .init(status: 200, microseconds: 3_000, error: nil)),
      ReceivedPush(
        receivedMs: now - 1_000, method: "POST", path: "/fee/+8610912345678", body: Array("{oops".utf8),
        signature: .digestMismatch, upstream: .init(status: 503, microseconds: 9_000, error: nil)),
      // Older than a day: not in the section.
      ReceivedPush(receivedMs: now - 90_000_000, method: "GET", path: "/status", body: [], signature: .unsigned),
    ])
    let session = HeadlessSession(store: store, knowledge: TUIFixtures.knowledge, width: 220, storeName: "fixture")
    session.start()
    session.press(.tab)
    let lines = session.press(.tab).lines
    let heading = try #require(lines.firstIndex { $0.hasPrefix("LIVE RECEIVER (last 24 h)  2 pushes") }, "\(lines)")
    #expect(lines[heading + 1].contains("outcome ") && lines[heading + 1].contains("signature "))
    #expect(lines[heading + 1].contains("verified 1") && lines[heading + 1].contains("digest-mismatch 1"))
    #expect(lines[heading + 2].contains("upstream  2 forwarded · 1 not answered 200"), "\(lines[heading + 2])")
    let failure = lines[heading + 3]
    #expect(failure.contains("latest failure") && failure.contains("upstream 503"), "\(failure)")
    #expect(failure.contains("/fee/") && !failure.contains("10912345678"), "the path's number is masked: \(failure)")
    #expect(lines[heading + 4].hasPrefix("RECEIVER  "))
  }
}
