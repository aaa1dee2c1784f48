import Crypto
import Foundation

/// The platform's official samples, as bodies to push, and the signature headers the platform
/// would send with them (fake app keys and secrets).
enum PushSamples {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("PNSDoctorCoreTests/Fixtures")

  static let appKey = "fake-app-key-0001"
  static let appSecret = "fake-app-secret-0001"

  /// A fixture's push body: the file itself, or for an HTTP dump what follows its head.
  static func body(_ name: String) throws -> [UInt8] {
    let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    guard name.hasSuffix(".http"), let brace = bytes.firstIndex(of: UInt8(ascii: "{")) else { return bytes }
    return Array(bytes[brace...])
  }

  /// Every official sample: a call event, a disconnect, a CDR batch, a Notify and a Block SMS.
  static let official = [
    "call-event-official.json", "ax-disconnect-event.json", "axb-cdr-real.json", "cdr-official.http",
    "sms-notify-official.http", "sms-block-official.http",
  ]

  enum Scheme { case aksk, wsse }

  /// The headers of a signed push: a fresh nonce, `Created` now, and the digest computed with
  /// `secret` (the right one unless a test wants a wrong one).
  static func signature(
    _ scheme: Scheme, secret: String = appSecret, appKey: String = appKey, nonce: String = UUID().uuidString,
    created: Date = Date()
  ) -> [(String, String)] {
    let formatter = ISO8601DateFormatter()
    let time = formatter.string(from: created)
    let digest: String
    let name: String
    switch scheme {
    case .aksk:
      let code = HMAC<SHA256>.authenticationCode(for: Data((nonce + time).utf8), using: SymmetricKey(data: Data(secret.utf8)))
      digest = Data(code).base64EncodedString()
      name = "X-AKSK"
    case .wsse:
      digest = Data(SHA256.hash(data: Data((nonce + time + secret).utf8))).base64EncodedString()
      name = "X-WSSE"
    }
    let realm = scheme == .aksk ? #"AKSK realm="SDP",profile="UsernameToken",type="Appkey""# : #"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#
    return [
      ("Authorization", realm),
      (name, #"UsernameToken Username="\#(appKey)",PasswordDigest="\#(digest)",Nonce="\#(nonce)",Created="\#(time)""#),
    ]
  }

  /// A credentials file for `appKey`, owner-only, in `folder`.
  static func credentialsFile(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("credentials").path
    try "\(appKey) \(appSecret)\n".write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    return path
  }

  /// A call event for a call of its own (`sessionId` distinct per call), with fake numbers.
  static func event(sessionId: String) -> [UInt8] {
    Array(
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"\#(sessionId)","timestamp":"2026-12-03 08:00:00","caller":"+8610912345678","called":"+8610000000021","stateCode":0,"stateDesc":"The user releases the call."}}"#
        .utf8)
  }
}
