import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PNSDoctorCore
import PNSDoctorReceiver

/// Answers every request the receiver gets: `/healthz` and `/metrics` (GET), and a push on any
/// other path, whatever it is. Every push is recorded in the store, refused ones included, and
/// answered only once that record is committed.
struct PushResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  /// What the receiver was asked to do.
  struct Settings: Sendable {
    /// The largest body read; larger ones are answered 413 (a full 50-record CDR batch is
    /// some 50 KB).
    var bodyLimit: Int
    /// Whether a push whose signature does not verify is answered 401 instead of stored.
    var requireSignature: Bool
    /// Whether each request is logged on standard error.
    var accessLog: Bool
  }

  let settings: Settings
  let verifier: PushSignatureVerifier?
  /// Tap mode's relay to the customer's own receiver; nil when pnsdoctor is the receiver.
  let forwarder: UpstreamForwarder?
  let committer: PushCommitter
  let metrics: ReceiverMetrics
  let logger: Logger

  func respond(to request: Request, context: Context) async throws -> Response {
    let path = request.uri.path
    if request.method == .get && path == "/healthz" {
      return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    if request.method == .get && path == "/metrics" {
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; version=0.0.4"
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
    let started = DispatchTime.now().uptimeNanoseconds
    let receivedMs = Timestamp.now.millisecondsSince1970
    let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
    let verdict = verifier?.verify(headers: headers, now: receivedMs)
    let signature = verdict?.check ?? .notChecked
    var refusal: PushDisposition?
    if request.method != .post && forwarder == nil {
      // In tap mode the customer's receiver answers whatever comes, as it would without us.
      refusal = .wrongMethod
    } else if settings.requireSignature, signature != .verified {
      refusal = .signatureRefused
    }
    // A declared length over the limit is refused before reading; one that grows past it is
    // refused when it does, with what was read kept.
    let declared = request.headers[.contentLength].flatMap { Int($0) }
    var body: [UInt8] = []
    var bodyBytes = declared ?? 0
    if refusal == nil, let declared, declared > settings.bodyLimit {
      refusal = .tooLarge
    } else if refusal == nil {
      var iterator = request.body.makeAsyncIterator()
      while let buffer = try await iterator.next() {
        body.append(contentsOf: buffer.readableBytesView)
        if body.count > settings.bodyLimit {
          refusal = .tooLarge
          bodyBytes = body.count
          body.removeLast(body.count - settings.bodyLimit)
          break
        }
      }
      if refusal == nil { bodyBytes = body.count }
    }
    var push = ReceivedPush(
      receivedMs: receivedMs, method: request.method.rawValue, path: path, body: body, bodyBytes: bodyBytes,
      signature: signature, appKey: verdict?.appKey, refusal: refusal)
    var relayed: UpstreamForwarder.Relayed?
    if let forwarder, refusal == nil {
      relayed = await forwarder.relay(
        method: request.method.rawValue, pathAndQuery: request.uri.description, headers: request.headers, body: body,
        kinds: push.kinds)
      push.upstream = relayed?.record
      if let relayed { metrics.recordUpstream(nanoseconds: relayed.record.microseconds * 1000) }
    }
    // The commit's own latency: waiting for a group and committing it (not the body's reading
    // nor, in tap mode, the upstream's answer).
    let committing = DispatchTime.now().uptimeNanoseconds
    let outcome = await committer.commit(push)
    metrics.recordCommit(nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - committing))
    let status: Int
    switch outcome {
    case .success(let receipt):
      status = receipt.status
      metrics.count(kinds: push.kinds, disposition: receipt.disposition, signature: signature, status: status)
      log(push, receipt: receipt, status: status, started: started)
    case .failure(let error):
      // Not stored: the platform must push it again, so it must not hear 200.
      status = 503
      metrics.count(kinds: push.kinds, disposition: nil, signature: signature, status: status)
      logger.error(
        "store failed: the push is answered 503 and will be pushed again",
        metadata: ["error": .string(PhoneNumber.maskAll(in: error.message(in: .english)))])
    }
    if let relayed, status == relayed.status {
      // The customer's receiver's answer, as it gave it (a Block-mode answer included).
      return Response(
        status: HTTPResponse.Status(code: status), headers: relayed.headers, body: ResponseBody(byteBuffer: relayed.body))
    }
    var answerHeaders = HTTPFields()
    if status == 405 { answerHeaders[.allow] = "POST" }
    return Response(status: HTTPResponse.Status(code: status), headers: answerHeaders)
  }

  /// One access-log line: what came, what became of it, how long it took (numbers masked).
  private func log(_ push: ReceivedPush, receipt: PushReceipt, status: Int, started: UInt64) {
    guard settings.accessLog else { return }
    let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1000
    var metadata: Logger.Metadata = [
      "method": .string(TerminalSanitizer.sanitize(push.method, limit: 16)),
      "path": .string(PhoneNumber.maskAll(in: TerminalSanitizer.sanitize(push.path, limit: 200))),
      "status": .stringConvertible(status),
      "kind": .string(Message.Kind.shortName(of: push.kinds)),
      "records": .stringConvertible(push.records.count),
      "new": .stringConvertible(receipt.newRecords),
      "outcome": .string(receipt.disposition.name),
      "signature": .string(push.signature.name),
      "push": .stringConvertible(receipt.pushId),
      "us": .stringConvertible(micros),
    ]
    if let upstream = push.upstream {
      metadata["upstream"] = .string(upstream.status.map(String.init) ?? "none")
      metadata["upstream_us"] = .stringConvertible(upstream.microseconds)
      if let error = upstream.error {
        metadata["upstream_error"] = .string(PhoneNumber.maskAll(in: TerminalSanitizer.sanitize(error, limit: 200)))
      }
    }
    if let reason = push.reason {
      metadata["reason"] = .string(PhoneNumber.maskAll(in: TerminalSanitizer.sanitize(reason, limit: 200)))
    }
    logger.info("push", metadata: metadata)
  }
}
