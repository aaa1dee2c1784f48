import Foundation
import PNSDoctorCore
import PNSDoctorTUI
import Testing

/// A TUI on a store the live receiver writes to shows the receiver's state on its status line.
@Suite("The receiver on the status line")
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
}
