/// `--listen HOST:PORT`: where the receiver listens. Loopback unless another address is asked
/// for; port 0 takes a free one (the start line says which).
struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
  var host: String
  var port: Int

  static let standard = ListenAddress(host: "127.0.0.1", port: 8080)

  /// Reads `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback); nil when it is neither.
  init?(_ text: String) {
    let hostPart: Substring
    let portPart: Substring
    if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
      hostPart = text[text.index(after: text.startIndex)..<close]
      let rest = text[text.index(after: close)...]
      guard rest.hasPrefix(":") else { return nil }
      portPart = rest.dropFirst()
    } else {
      guard let colon = text.lastIndex(of: ":") else { return nil }
      hostPart = text[..<colon]
      portPart = text[text.index(after: colon)...]
      if hostPart.contains(":") { return nil }
    }
    guard let port = Int(portPart), (0...65535).contains(port) else { return nil }
    self.host = hostPart.isEmpty ? "127.0.0.1" : String(hostPart)
    self.port = port
  }

  init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Whether only this machine can reach it.
  var isLoopback: Bool { host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.") }

  var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
