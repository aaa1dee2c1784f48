/// The signature a push carries in its headers, as the platform sends it: `X-AKSK` on current
/// pushes, `X-WSSE` on older ones, each `UsernameToken Username="<app_key>",
/// PasswordDigest="…", Nonce="…", Created="yyyy-MM-ddTHH:mm:ssZ"` (platform facts §1.1).
public struct PushSignature: Sendable, Equatable {
  /// How the digest is made.
  public enum Scheme: String, Sendable, Equatable {
    /// `Base64(HMAC-SHA256(app_secret, Nonce + Created))`, in `X-AKSK`.
    case aksk
    /// `Base64(SHA256(Nonce + Created + app_secret))`, in `X-WSSE`.
    case wsse
  }

  /// Why a signature header could not be read: the attribute it lacks, as the platform's own
  /// errors 1023034–1023037 name them, or a shape that is no `UsernameToken`.
  public enum Problem: Error, Sendable, Equatable {
    case missingAttribute(String)
    case notAUsernameToken
  }

  public var scheme: Scheme
  /// The app key the push was signed for.
  public var username: String
  public var passwordDigest: String
  public var nonce: String
  public var created: String

  public init(scheme: Scheme, username: String, passwordDigest: String, nonce: String, created: String) {
    self.scheme = scheme
    self.username = username
    self.passwordDigest = passwordDigest
    self.nonce = nonce
    self.created = created
  }

  /// The signature in a request's headers (names compared without case), `X-AKSK` before
  /// `X-WSSE`; `nil` when the request carries neither.
  public static func read(headers: [(name: String, value: String)]) -> Result<PushSignature, Problem>? {
    for (scheme, name) in [(Scheme.aksk, "x-aksk"), (.wsse, "x-wsse")] {
      if let header = headers.first(where: { $0.name.lowercased() == name }) {
        return parse(header.value, scheme: scheme)
      }
    }
    return nil
  }

  /// Reads one header value.
  public static func parse(_ value: String, scheme: Scheme) -> Result<PushSignature, Problem> {
    var text = Substring(value).drop { $0 == " " }
    guard text.hasPrefix("UsernameToken") else { return .failure(.notAUsernameToken) }
    text = text.dropFirst("UsernameToken".count)
    let attributes = Self.attributes(in: text)
    var found: [String] = []
    for name in ["Username", "PasswordDigest", "Nonce", "Created"] {
      guard let value = attributes[name], !value.isEmpty else { return .failure(.missingAttribute(name)) }
      found.append(value)
    }
    return .success(
      PushSignature(scheme: scheme, username: found[0], passwordDigest: found[1], nonce: found[2], created: found[3]))
  }

  /// `Name="value"` pairs separated by commas and spaces; a value is everything up to its
  /// closing quote (digests are Base64 and hold no quote).
  private static func attributes(in text: Substring) -> [String: String] {
    var attributes: [String: String] = [:]
    var rest = text
    while let equals = rest.firstIndex(of: "=") {
      let name = String(rest[..<equals].drop { $0 == " " || $0 == "," }).trimmedOfSpaces
      rest = rest[rest.index(after: equals)...]
      guard rest.first == "\"" else { break }
      rest = rest.dropFirst()
      guard let close = rest.firstIndex(of: "\"") else { break }
      if attributes[name] == nil { attributes[name] = String(rest[..<close]) }
      rest = rest[rest.index(after: close)...]
    }
    return attributes
  }
}

extension String {
  /// The text without spaces at its end.
  fileprivate var trimmedOfSpaces: String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
