/// Strict UTF-8 checking that says where the first bad byte is.
///
/// Swift's `String(decoding:)` would quietly turn bad bytes into U+FFFD; pnsdoctor must instead
/// report them, because a mangled number or name would send an engineer after the wrong call.
enum UTF8Validation {
  /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
  static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lowerBound: UInt8 = 0x80
      var upperBound: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lowerBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upperBound = 0x9F
      case 0xF0: length = 4; lowerBound = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upperBound = 0x8F
      default: return index
      }
      guard index + length <= count else { return index }
      let second = bytes[index + 1]
      guard second >= lowerBound && second <= upperBound else { return index }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
        return index
      }
      index += length
    }
    return nil
  }
}
