/// The value of one hexadecimal digit, shared by every parser that reads `\u` and `\x` escapes
/// (strict JSON, lenient JSON, PHP strings) so that they agree on what a digit is.
enum HexDigit {
  /// The digit's value (0–15), or nil when the byte is not `0`–`9`, `a`–`f` or `A`–`F`.
  @inline(__always)
  static func value(of byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }
}
