import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import PNSDoctorCore

/// Tap mode: relays a push to the customer's own receiver, with its method, headers and body,
/// and brings back that receiver's status, headers and body for the platform, unchanged (so a
/// Block-mode answer still reaches the platform), with how long it took and why it failed.
final class UpstreamForwarder: Sendable {
  /// Where pushes go: one URL for all, or one per kind of push. The request's path and query
  /// are appended to the URL's path (`--forward http://10.0.0.5:9000` sends `/fee` to
  /// `http://10.0.0.5:9000/fee`).
  struct Targets: Sendable {
    var all: String?
    var event: String?
    var cdr: String?
    var sms: String?

    var isEmpty: Bool { all == nil && event == nil && cdr == nil && sms == nil }

    /// The URL for a push holding `kinds` (one kind: its own URL if set; else the general one).
    func url(for kinds: Set<Message.Kind>) -> String? {
      if kinds.count == 1, let kind = kinds.first {
        switch kind {
        case .callEvent: return event ?? all
        case .detailRecord: return cdr ?? all
        case .sms: return sms ?? all
        case .apiResponse: return all
        }
      }
      return all
    }
  }

  /// The upstream's answer to relay, and what is recorded of it.
  struct Relayed: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: ByteBuffer
    var record: ReceivedPush.UpstreamAnswer
  }

  /// Headers that belong to one connection, not to the push: never relayed either way.
  static let hopByHop: Set<String> = [
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
    "proxy-authorization", "proxy-authenticate", "host", "content-length",
  ]

  let targets: Targets
  let timeout: TimeAmount
  let answerLimit: Int
  private let client: HTTPClient

  init(targets: Targets, timeout: TimeAmount, answerLimit: Int) {
    self.targets = targets
    self.timeout = timeout
    self.answerLimit = answerLimit
    var configuration = HTTPClient.Configuration()
    // A relay passes a redirect on; it does not follow it.
    configuration.redirectConfiguration = .disallow
    configuration.decompression = .disabled
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  /// Relays one push; nil when no URL is set for its kind. An upstream that cannot be reached
  /// gives 502, one that does not answer within the timeout 504: the platform sees a failure
  /// and pushes again, as it would have without pnsdoctor in between.
  func relay(
    method: String, pathAndQuery: String, headers: HTTPFields, body: [UInt8], kinds: Set<Message.Kind>
  ) async -> Relayed? {
    guard let base = targets.url(for: kinds) else { return nil }
    let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + pathAndQuery
    var request = HTTPClientRequest(url: url)
    request.method = HTTPMethod(rawValue: method)
    for field in headers where !Self.hopByHop.contains(field.name.canonicalName) {
      request.headers.add(name: field.name.rawName, value: field.value)
    }
    request.body = .bytes(ByteBuffer(bytes: body))
    let started = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Int64 { Int64((DispatchTime.now().uptimeNanoseconds - started) / 1000) }
    do {
      let response = try await client.execute(request, timeout: timeout)
      let answer = try await response.body.collect(upTo: answerLimit)
      var relayedHeaders = HTTPFields()
      for (name, value) in response.headers where !Self.hopByHop.contains(name.lowercased()) {
        if let field = HTTPField.Name(name) { relayedHeaders.append(HTTPField(name: field, value: value)) }
      }
      let status = Int(response.status.code)
      return Relayed(
        status: status, headers: relayedHeaders, body: answer,
        record: .init(status: status, microseconds: elapsed(), error: nil))
    } catch {
      let timedOut = (error as? HTTPClientError).map { [.deadlineExceeded, .readTimeout, .connectTimeout].contains($0) } ?? false
      let reason = timedOut ? "no answer within \(timeout.nanoseconds / 1_000_000_000) s" : Self.describe(error)
      return Relayed(
        status: timedOut ? 504 : 502, headers: HTTPFields(), body: ByteBuffer(),
        record: .init(status: nil, microseconds: elapsed(), error: reason, timedOut: timedOut))
    }
  }

  /// Stops the client; pending relays fail.
  func shutdown() async {
    try? await client.shutdown()
  }

  private static func describe(_ error: any Error) -> String {
    let text = String(describing: error)
    return text.count > 200 ? String(text.prefix(200)) + "…" : text
  }
}
