/// The 64-bit FNV-1a hash: small, fast and stable across runs and machines (Swift's `Hasher` is
/// seeded per process, so it cannot identify content between two imports).
enum FNV1a {
  static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01B3
    }
    return value
  }

  /// The hash as 16 hex digits, with the length mixed in so that prefixes of one another differ.
  static func hexDigest(of bytes: [UInt8]) -> String {
    let hex = String(hash(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(bytes.count)
  }
}
