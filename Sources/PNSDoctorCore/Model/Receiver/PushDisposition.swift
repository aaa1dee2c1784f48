/// What became of one push the receiver took: stored, partly read, unreadable, or refused before
/// its body was read. The number is what the store keeps (never renumbered).
public enum PushDisposition: Int, Sendable, CaseIterable, Codable {
  /// Every record in it was read and stored (new or as one more delivery).
  case stored = 0
  /// Some records were stored, others could not be read (kept as rejections with the body).
  case partlyRead = 1
  /// Nothing in the body could be read: kept whole, with the reason.
  case unreadable = 2
  /// Not a POST: answered 405.
  case wrongMethod = 3
  /// A body over the receiver's limit: answered 413, its first bytes kept.
  case tooLarge = 4
  /// Its signature did not verify and the receiver requires one: answered 401.
  case signatureRefused = 5

  /// Whether the push's records reached the store.
  public var reachedStore: Bool { self == .stored || self == .partlyRead }

  /// A short name, for reports and JSON.
  public var name: String {
    switch self {
    case .stored: return "stored"
    case .partlyRead: return "partly-read"
    case .unreadable: return "unreadable"
    case .wrongMethod: return "wrong-method"
    case .tooLarge: return "too-large"
    case .signatureRefused: return "signature-refused"
    }
  }
}

/// What the receiver found of a push's signature (X-AKSK or X-WSSE). The number is what the
/// store keeps (never renumbered).
public enum PushSignatureCheck: Int, Sendable, CaseIterable, Codable {
  /// The receiver had no credentials to check it with.
  case notChecked = 0
  case verified = 1
  /// The push carried no X-AKSK or X-WSSE header.
  case unsigned = 2
  /// The header was there but could not be read as a UsernameToken.
  case unreadableHeader = 3
  /// Signed for an app key the credentials file does not hold.
  case unknownAppKey = 4
  /// The digest does not match the app secret held for its key.
  case digestMismatch = 5
  /// `Created` is outside the accepted window around the receiver's clock.
  case outsideWindow = 6
  /// A nonce already seen within the window.
  case replayed = 7

  /// Whether this is a failure worth a finding (not "verified", not "not checked").
  public var isFailure: Bool { self != .verified && self != .notChecked }

  /// The check with this short name (`name`), as rules and their examples write it.
  public init?(name: String) {
    guard let check = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = check
  }

  /// A short name, for reports and JSON.
  public var name: String {
    switch self {
    case .notChecked: return "not-checked"
    case .verified: return "verified"
    case .unsigned: return "unsigned"
    case .unreadableHeader: return "unreadable-header"
    case .unknownAppKey: return "unknown-app-key"
    case .digestMismatch: return "digest-mismatch"
    case .outsideWindow: return "outside-window"
    case .replayed: return "replayed"
    }
  }
}
