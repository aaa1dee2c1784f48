import Foundation
import Testing

@testable import PNSDoctorReceiver

/// Push signatures as the platform makes them, checked against digests computed independently
/// (Python's `hmac` and `hashlib`) for a fake app secret.
@Suite("Push signatures")
struct PushSignatureTests {
  static let appKey = "fake-app-key"
  static let secret = "fake-app-secret-0001"
  static let nonce = "66C92B11FF8A425FB8D4CCFE0ED9ED1F"
  static let created = "2024-05-13T05:24:57Z"
  /// `base64(hmac.new(secret, nonce + created, sha256).digest())`
  static let akskDigest = "MhXjBm29N4ASWpC8WJk/praKRT2Mcj8xMtuYEgqQcnw="
  /// `base64(sha256(nonce + created + secret).digest())`
  static let wsseDigest = "0BAO0Z5q9C/B+5eZggeKoEqnk++p3AodlWoumtEWR2A="
  /// `created` in milliseconds since 1970.
  static let createdMilliseconds: Int64 = 1_715_577_897_000

  static func headers(_ name: String, digest: String, nonce: String = nonce, created: String = created)
    -> [(name: String, value: String)]
  {
    [
      (name: "Authorization", value: #"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#),
      (
        name: name,
        value: #"UsernameToken Username="\#(appKey)", PasswordDigest="\#(digest)", Nonce="\#(nonce)", Created="\#(created)""#
      ),
    ]
  }

  private func verifier() -> PushSignatureVerifier {
    PushSignatureVerifier(secrets: [Self.appKey: Self.secret])
  }

  @Test func bothSchemesVerifyWithTheRightSecret() {
    let now = Self.createdMilliseconds + 30_000
    #expect(
      verifier().verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now)
        == .verified(appKey: Self.appKey, scheme: .aksk))
    #expect(
      verifier().verify(headers: Self.headers("x-wsse", digest: Self.wsseDigest), now: now)
        == .verified(appKey: Self.appKey, scheme: .wsse))
  }

  @Test func aWrongSecretAnOldTimeAReplayAndNoSignatureAreEachSaid() {
    let now = Self.createdMilliseconds + 1_000
    let wrong = PushSignatureVerifier(secrets: [Self.appKey: "another-secret"])
    #expect(wrong.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now) == .digestMismatch(appKey: Self.appKey))
    // The AKSK digest under the WSSE header is not the WSSE digest.
    #expect(verifier().verify(headers: Self.headers("X-WSSE", digest: Self.akskDigest), now: now) == .digestMismatch(appKey: Self.appKey))
    let late = Self.createdMilliseconds + 301_000
    #expect(
      verifier().verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: late)
        == .outsideWindow(appKey: Self.appKey, secondsOff: 301))
    let once = verifier()
    #expect(once.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now) == .verified(appKey: Self.appKey, scheme: .aksk))
    #expect(once.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now + 5_000) == .replayed(appKey: Self.appKey))
    #expect(verifier().verify(headers: [(name: "Content-Type", value: "application/json")], now: now) == .unsigned)
    let stranger = PushSignatureVerifier(secrets: ["someone-else": Self.secret])
    #expect(stranger.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now) == .unknownAppKey(Self.appKey))
  }

  @Test func aHeaderMissingAnAttributeNamesIt() {
    let header = [(name: "X-AKSK", value: #"UsernameToken Username="k", PasswordDigest="d", Created="c""#)]
    #expect(verifier().verify(headers: header, now: 0) == .unreadable(.missingAttribute("Nonce")))
    #expect(verifier().verify(headers: [(name: "X-AKSK", value: "Basic abc")], now: 0) == .unreadable(.notAUsernameToken))
  }

  @Test func aForgottenNonceCanComeAgainAfterItsWindow() {
    let once = verifier()
    let now = Self.createdMilliseconds
    #expect(once.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now) == .verified(appKey: Self.appKey, scheme: .aksk))
    // Past its window the push is refused for its time, not remembered for ever.
    #expect(
      once.verify(headers: Self.headers("X-AKSK", digest: Self.akskDigest), now: now + 400_000)
        == .outsideWindow(appKey: Self.appKey, secondsOff: 400))
  }

  @Test func credentialsFilesAreReadOnlyWhenPrivateAndNeverQuoteASecret() throws {
    #expect(try PushCredentials.parse("# pairs\nfake-app-key fake-app-secret-0001  # main app\n\n", name: "c") == [Self.appKey: Self.secret])
    #expect(throws: PushCredentials.Failure(description: "c:2: expected APP_KEY APP_SECRET, found 3 field(s)")) {
      try PushCredentials.parse("a b\nonly two three\n", name: "c")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-credentials-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("credentials").path
    try Data("\(Self.appKey) \(Self.secret)\n".utf8).write(to: URL(fileURLWithPath: file))
    chmod(file, 0o644)
    do {
      _ = try PushCredentials.load(path: file)
      Issue.record("a file readable by others was accepted")
    } catch {
      #expect(error.description.contains("chmod 600") && !error.description.contains(Self.secret))
    }
    chmod(file, 0o600)
    #expect(try PushCredentials.load(path: file) == [Self.appKey: Self.secret])
  }
}
