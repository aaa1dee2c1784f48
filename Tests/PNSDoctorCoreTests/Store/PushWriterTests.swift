import Foundation
import Testing

@testable import PNSDoctorCore

/// The store's side of the live receiver: a group of pushes in one transaction, what becomes of
/// each, and what the report and the pulse make of them.
@Suite("Received pushes in the store")
struct PushWriterTests {
  static let event = #"{"eventType":"disconnect","statusInfo":{"sessionId":"pw-1@fake.example","timestamp":"2026-12-03 08:00:00","caller":"+8610912345678","called":"+8610000000021","stateCode":0}}"#
  static let now: Int64 = 1_796_284_800_000

  static func push(
    _ body: String, at offset: Int64 = 0, method: String = "POST", refusal: PushDisposition? = nil,
    signature: PushSignatureCheck = .notChecked, upstream: ReceivedPush.UpstreamAnswer? = nil
  ) -> ReceivedPush {
    ReceivedPush(
      receivedMs: now + offset, method: method, path: "/status", body: Array(body.utf8), signature: signature,
      refusal: refusal, upstream: upstream)
  }

  @Test("stored, re-pushed, partly read, unreadable and refused pushes: each answered and recorded as it should be")
  func dispositionsAndAnswers() throws {
    let store = try CallStore.inMemory()
    let writer = PushWriter(store: store, engine: nil, unreadableStatus: 400)
    let receipts = try writer.write([
      Self.push(Self.event),
      Self.push(Self.event, at: 1),
      Self.push(Self.event.replacingOccurrences(of: "pw-1", with: "pw-2") + "\n{\"foo\":1}", at: 2),
      Self.push("<html>", at: 3),
      Self.push("", at: 4, method: "GET", refusal: .wrongMethod),
      Self.push(Self.event.replacingOccurrences(of: "pw-1", with: "pw-3"), at: 5, refusal: .signatureRefused, signature: .digestMismatch),
    ])
    #expect(receipts.map(\.disposition) == [.stored, .stored, .partlyRead, .unreadable, .wrongMethod, .signatureRefused])
    #expect(receipts.map(\.status) == [200, 200, 200, 400, 405, 401])
    #expect(receipts.map(\.newRecords) == [1, 0, 1, 0, 0, 0])
    #expect(receipts.map(\.duplicates) == [0, 1, 0, 0, 0, 0])
    #expect(try store.call(sessionId: "pw-1@fake.example") != nil)
    #expect(try store.call(sessionId: "pw-3@fake.example") == nil, "a refused push stores nothing but itself")
    #expect(try store.pushes(sessionId: "pw-1@fake.example").map(\.id) == [receipts[0].pushId, receipts[1].pushId])

    let report = try store.receiverReport()
    #expect(report.pushes == 6)
    #expect(report.byDisposition == ["stored": 2, "partly-read": 1, "unreadable": 1, "wrong-method": 1, "signature-refused": 1])
    #expect(report.byAnsweredStatus == ["200": 3, "400": 1, "405": 1, "401": 1])
    #expect(report.failures.map(\.id) == receipts[2...].map(\.pushId).reversed())
    #expect(report.failures.first { $0.disposition == .unreadable }?.reason?.isEmpty == false)
  }

  @Test("tap mode: the upstream's answer is what the platform gets, and its latency percentiles are reported")
  func upstreamAnswers() throws {
    let store = try CallStore.inMemory()
    let writer = PushWriter(store: store, engine: nil)
    var pushes: [ReceivedPush] = []
    for index in 0..<100 {
      let body = Self.event.replacingOccurrences(of: "pw-1", with: "up-\(index)")
      pushes.append(
        Self.push(body, at: Int64(index), upstream: .init(status: 200, microseconds: Int64(index + 1) * 1000, error: nil)))
    }
    pushes.append(Self.push(Self.event, at: 200, upstream: .init(status: 500, microseconds: 500, error: nil)))
    pushes.append(Self.push(Self.event, at: 201, upstream: .init(status: nil, microseconds: 9_000_000, error: "no answer", timedOut: true)))
    pushes.append(Self.push(Self.event, at: 202, upstream: .init(status: nil, microseconds: 300, error: "refused")))
    let receipts = try writer.write(pushes)
    #expect(receipts.suffix(3).map(\.status) == [500, 504, 502])
    let report = try store.receiverReport()
    #expect(report.forwarded == 103)
    #expect(report.upstreamFailures == 3)
    // 103 latencies: 0.3, 0.5, 1…100 ms and 9 s; the median is the 52nd (50 ms), p99 the 102nd.
    #expect(report.upstreamP50Ms == 50)
    #expect(report.upstreamP99Ms == 100)
    let pulse = try store.receiverPulse(nowMs: Self.now + 30_000)
    #expect(pulse.pushesLastMinute == 103)
    #expect(pulse.lastPushMs == Self.now + 202)
    #expect(pulse.upstreamFailuresLastHour == 3)
    #expect(pulse.failuresLastHour == 3)
    #expect(try store.receiverPulse(nowMs: Self.now + 120_000).pushesLastMinute == 0)
  }

  @Test("a store the receiver never wrote to reports no push and no last push")
  func emptyReceiverState() throws {
    let store = try CallStore.inMemory()
    #expect(try store.receiverReport().pushes == 0)
    #expect(try store.receiverPulse(nowMs: Self.now).lastPushMs == nil)
  }
}
