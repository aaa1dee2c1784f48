public import PNSDoctorCore

extension PushSignatureVerifier.Verdict {
  /// What the store keeps of this verdict (never the digest, nonce or secret).
  public var check: PushSignatureCheck {
    switch self {
    case .verified: return .verified
    case .unsigned: return .unsigned
    case .unreadable: return .unreadableHeader
    case .unknownAppKey: return .unknownAppKey
    case .digestMismatch: return .digestMismatch
    case .outsideWindow: return .outsideWindow
    case .replayed: return .replayed
    }
  }

  /// The app key the signature named, when it could be read.
  public var appKey: String? {
    switch self {
    case .verified(let key, _), .digestMismatch(let key), .outsideWindow(let key, _), .replayed(let key):
      return key
    case .unknownAppKey(let key): return key
    case .unsigned, .unreadable: return nil
    }
  }
}
