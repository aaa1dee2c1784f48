import Foundation
import Testing

/// The receiver as the platform meets it: every official sample pushed with good, wrong and
/// missing signatures of both schemes; re-pushes stored once; refusals recorded.
@Suite("pnsdoctor serve: receiving pushes")
struct ReceiverTests {
  // PushSignatureCheck numbers as the store keeps them.
  static let verified = 1
  static let unsigned = 2
  static let digestMismatch = 5

  @Test("every official sample, signed right (AKSK and WSSE), wrong and not at all: stored and flagged")
  func signaturesRecordedAndFlagged() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let credentials = try PushSamples.credentialsFile(in: folder)
    let server = try ServerProcess(["--credentials", credentials], folder: folder)
    defer {
      server.stop()
      server.removeFolder()
    }
    var expected: [Int] = []
    for name in PushSamples.official {
      let body = try PushSamples.body(name)
      for (headers, check) in [
        (PushSamples.signature(.aksk), Self.verified), (PushSamples.signature(.wsse), Self.verified),
        (PushSamples.signature(.aksk, secret: "not-the-secret"), Self.digestMismatch),
        (PushSamples.signature(.wsse, secret: "not-the-secret"), Self.digestMismatch), ([], Self.unsigned),
      ] {
        let answer = try server.post("/push", body, headers: headers)
        #expect(answer.status == 200, "\(name): \(answer.status)")
        #expect(answer.body.isEmpty, "Notify mode wants an empty 200")
        expected.append(check)
      }
    }
    #expect(server.stop() == 0)
    let pushes = try ReceiverStoreReading(server.storePath).pushes()
    #expect(pushes.map(\.signature) == expected)
    #expect(pushes.allSatisfy { $0.disposition == 0 && $0.records >= 1 })
    #expect(pushes.filter { $0.signature != Self.unsigned }.allSatisfy { $0.appKey == PushSamples.appKey })
    // Five pushes of each sample, one of them new: the rest are re-deliveries.
    #expect(pushes.reduce(0) { $0 + $1.newRecords } == pushes.reduce(0) { $0 + $1.records } / 5)
    #expect(!server.stderrText.contains(PushSamples.appSecret))
  }

  @Test("--require-signature: verified pushes are stored; wrong, missing and replayed ones get 401 and store nothing")
  func requiredSignatureRefuses() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let server = try ServerProcess(
      ["--credentials", try PushSamples.credentialsFile(in: folder), "--require-signature"], folder: folder)
    defer {
      server.stop()
      server.removeFolder()
    }
    let body = try PushSamples.body("axb-cdr-real.json")
    #expect(try server.post("/fee", body, headers: PushSamples.signature(.aksk, secret: "wrong")).status == 401)
    #expect(try server.post("/fee", body).status == 401)
    #expect(try server.post("/fee", body, headers: PushSamples.signature(.wsse, created: Date(timeIntervalSinceNow: -3600))).status == 401)
    let signed = PushSamples.signature(.aksk, nonce: "REPLAYED-NONCE-0001")
    #expect(try server.post("/fee", body, headers: signed).status == 200)
    #expect(try server.post("/fee", body, headers: signed).status == 401, "the same nonce again is a replay")
    server.stop()
    let store = try ReceiverStoreReading(server.storePath)
    #expect(try store.pushes().map(\.answeredStatus) == [401, 401, 401, 200, 401])
    #expect(try store.pushes().map(\.signature) == [5, 2, 6, 1, 7])
    #expect(try store.callFigures().cdrDeliveries == 1, "only the verified push reached the calls")
  }

  @Test("a CDR pushed again and again is one call with its deliveries counted; an event twice is one event")
  func rePushesStoredOnce() throws {
    let server = try ServerProcess()
    defer {
      server.stop()
      server.removeFolder()
    }
    let cdr = try PushSamples.body("axb-cdr-real.json")
    for _ in 0..<4 { #expect(try server.post("/fee", cdr).status == 200) }
    let event = PushSamples.event(sessionId: "repush-0001@fake.example")
    for _ in 0..<2 { #expect(try server.post("/status", event).status == 200) }
    server.stop()
    let store = try ReceiverStoreReading(server.storePath)
    let figures = try store.callFigures()
    #expect(figures.calls == 2)
    #expect(figures.cdrDeliveries == 4)
    #expect(try store.callCount(sessionId: "repush-0001@fake.example") == 1)
    #expect(try store.pushes().map(\.newRecords) == [1, 0, 0, 0, 1, 0])
  }

  @Test("not a POST: 405; over the limit: 413; unreadable: 200 (or 400) and kept whole; all recorded")
  func refusalsRecorded() throws {
    let server = try ServerProcess(["--body-limit", "4096"])
    defer {
      server.stop()
      server.removeFolder()
    }
    let get = try LoopbackHTTP.send(port: server.port, method: "GET", path: "/status")
    #expect(get.status == 405)
    #expect(get.headers["allow"] == "POST")
    #expect(try server.post("/fee", Array(repeating: UInt8(ascii: "a"), count: 10_000)).status == 413)
    let garbage = Array("{\"eventType\": oops".utf8)
    #expect(try server.post("/fee", garbage).status == 200)
    server.stop()
    let strict = try ServerProcess(["--unreadable-status", "400"])
    defer {
      strict.stop()
      strict.removeFolder()
    }
    #expect(try strict.post("/fee", garbage).status == 400)
    strict.stop()
    let pushes = try ReceiverStoreReading(server.storePath).pushes()
    #expect(pushes.map(\.disposition) == [3, 4, 2])
    #expect(pushes.map(\.answeredStatus) == [405, 413, 200])
    #expect(pushes[2].body.map(Array.init) == garbage, "an unreadable body is kept byte for byte")
    #expect(pushes[2].reason?.isEmpty == false)
    #expect(try ReceiverStoreReading(strict.storePath).pushes().map(\.answeredStatus) == [400])
  }

  @Test("/healthz answers ok; /metrics counts pushes by kind, outcome and signature")
  func healthAndMetrics() throws {
    let server = try ServerProcess()
    defer {
      server.stop()
      server.removeFolder()
    }
    let health = try LoopbackHTTP.send(port: server.port, method: "GET", path: "/healthz")
    #expect(health.status == 200 && health.text == "ok\n")
    _ = try server.post("/fee", try PushSamples.body("axb-cdr-real.json"))
    _ = try server.post("/fee", Array("nonsense".utf8))
    let metrics = try LoopbackHTTP.send(port: server.port, method: "GET", path: "/metrics").text
    #expect(metrics.contains(#"pnsdoctor_pushes_total{kind="cdr",outcome="stored",signature="not-checked",status="200"} 1"#))
    #expect(metrics.contains(#"pnsdoctor_pushes_total{kind="none",outcome="unreadable",signature="not-checked",status="200"} 1"#))
    #expect(metrics.contains("pnsdoctor_push_commit_seconds_count 2"))
  }

  @Test("the access log and pnsdoctor receiver mask a number in a push's path; bad arguments and a taken port say why")
  func privacyAndArguments() throws {
    let server = try ServerProcess()
    defer {
      server.stop()
      server.removeFolder()
    }
    _ = try server.post("/status/+8610912345678", Array("nonsense".utf8))
    server.stop()
    #expect(!server.stderrText.contains("10912345678"))
    #expect(server.stderrText.contains("path=/status/"))
    let report = try Pnsdoctor.run(["receiver", "--store", server.storePath])
    let text = report.text
    #expect(report.status == 0)
    #expect(text.contains("unreadable") && text.contains("/status/"))
    #expect(!text.contains("10912345678"))
    for (arguments, message) in [
      (["--listen", "nowhere"], "--listen takes HOST:PORT"), (["--unreadable-status", "302"], "200 or 400"),
      (["--require-signature"], "needs --credentials"), (["--forward", "ftp://x"], "http:// or https://"),
    ] {
      let bad = try Pnsdoctor.run(["serve"] + arguments)
      #expect(bad.status == 64, "\(arguments)")
      #expect(bad.errors.contains(message), "\(arguments): \(bad.errors)")
    }
    // A port already taken: said, with the status for an unavailable service, in tap mode too.
    let taken = try ServerProcess()
    defer {
      taken.stop()
      taken.removeFolder()
    }
    for extra in [[], ["--forward", "http://127.0.0.1:1"]] {
      let busy = try Pnsdoctor.run(
        ["serve", "--listen", "127.0.0.1:\(taken.port)", "--store", taken.folder.appendingPathComponent("other.sqlite").path]
          + extra)
      #expect(busy.status == 69, "\(busy.errors)")
      #expect(busy.errors.contains("cannot listen on 127.0.0.1:\(taken.port)"), "\(busy.errors)")
    }
  }
}
