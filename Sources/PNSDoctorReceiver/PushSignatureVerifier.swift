import Crypto
import Foundation
import PNSDoctorCore

/// Checks the signature of each push against the app secrets the engineer gave: the digest,
/// the `Created` time within a window of the receiver's clock, and the nonce not seen before in
/// that window (a replayed push is not a re-push: a re-push is signed anew).
///
/// Secrets and digests never leave it: a verdict names what failed, never the values.
public final class PushSignatureVerifier: @unchecked Sendable {
  /// What became of a push's signature.
  public enum Verdict: Sendable, Equatable {
    case verified(appKey: String, scheme: PushSignature.Scheme)
    /// Neither `X-AKSK` nor `X-WSSE`: the receiver's URL may be reached by something else
    /// than the platform, or the platform's signing is off.
    case unsigned
    case unreadable(PushSignature.Problem)
    /// An app key for which no secret was given.
    case unknownAppKey(String)
    /// The digest does not match: the secret given is not the app's (or was changed).
    case digestMismatch(appKey: String)
    /// `Created` is not a time, or is further than the window from the receiver's clock.
    case outsideWindow(appKey: String, secondsOff: Int?)
    /// The same nonce was seen within the window: a replay.
    case replayed(appKey: String)
  }

  /// How far `Created` may be from the receiver's clock, in seconds.
  public let window: Int
  private let secrets: [String: String]
  private let lock = NSLock()
  /// Nonces seen, with when they may be forgotten (their push's window has passed).
  private var seen: [String: Int64] = [:]
  private var expiries: [(until: Int64, key: String)] = []
  private var nextExpiry = 0

  /// - Parameter secrets: app key → app secret.
  /// - Parameter window: seconds either side of the clock (5 minutes by default, as clocks of
  ///   two servers synchronised by NTP are far closer than that, and a re-push is signed anew).
  public init(secrets: [String: String], window: Int = 300) {
    self.secrets = secrets
    self.window = window
  }

  /// The verdict on a request's headers, at `now` (milliseconds since 1970).
  public func verify(headers: [(name: String, value: String)], now: Int64) -> Verdict {
    guard let read = PushSignature.read(headers: headers) else { return .unsigned }
    let signature: PushSignature
    switch read {
    case .failure(let problem): return .unreadable(problem)
    case .success(let value): signature = value
    }
    let appKey = signature.username
    guard let secret = secrets[appKey] else { return .unknownAppKey(appKey) }
    guard Self.constantTimeEqual(Self.digest(signature, secret: secret), Array(signature.passwordDigest.utf8)) else {
      return .digestMismatch(appKey: appKey)
    }
    guard let created = Timestamp.parse(signature.created) else {
      return .outsideWindow(appKey: appKey, secondsOff: nil)
    }
    let offMilliseconds = now - created.millisecondsSince1970
    guard abs(offMilliseconds) <= Int64(window) * 1000 else {
      return .outsideWindow(appKey: appKey, secondsOff: Int(offMilliseconds / 1000))
    }
    return remember(appKey + "\u{0}" + signature.nonce, until: created.millisecondsSince1970 + Int64(window) * 1000, now: now)
      ? .verified(appKey: appKey, scheme: signature.scheme) : .replayed(appKey: appKey)
  }

  /// The digest the platform computes for `signature`'s scheme, nonce and time, Base64.
  static func digest(_ signature: PushSignature, secret: String) -> [UInt8] {
    let bytes: [UInt8]
    switch signature.scheme {
    case .aksk:
      let key = SymmetricKey(data: Array(secret.utf8))
      bytes = Array(HMAC<SHA256>.authenticationCode(for: Array((signature.nonce + signature.created).utf8), using: key))
    case .wsse:
      bytes = Array(SHA256.hash(data: Array((signature.nonce + signature.created + secret).utf8)))
    }
    return Array(Data(bytes).base64EncodedString().utf8)
  }

  /// Whether two byte strings are equal, in time that does not depend on where they differ.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }

  /// Records a nonce; false when it was already seen and not yet forgotten. Expired nonces are
  /// forgotten as time passes, so memory holds one window of pushes.
  private func remember(_ key: String, until: Int64, now: Int64) -> Bool {
    lock.withLock {
      while nextExpiry < expiries.count, expiries[nextExpiry].until < now {
        let expired = expiries[nextExpiry]
        if seen[expired.key] == expired.until { seen[expired.key] = nil }
        nextExpiry += 1
      }
      if nextExpiry > 4096 && nextExpiry * 2 > expiries.count {
        expiries.removeFirst(nextExpiry)
        nextExpiry = 0
      }
      if let kept = seen[key], kept >= now { return false }
      seen[key] = until
      expiries.append((until, key))
      return true
    }
  }
}
