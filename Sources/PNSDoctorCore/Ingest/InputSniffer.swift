/// Recognises inputs that are not text at all, from their first bytes.
enum InputSniffer {
  /// Why the input is refused, or `nil` when it looks like text.
  static func refusal(forPrefix head: ArraySlice<UInt8>) -> ReadIssue.Reason? {
    let bytes = Array(head)
    if bytes.isEmpty { return .emptyInput }
    let magics: [(String, [UInt8])] = [
      ("gzip", [0x1F, 0x8B]), ("zip", [0x50, 0x4B, 0x03, 0x04]), ("bzip2", [0x42, 0x5A, 0x68]),
      ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]), ("zstd", [0x28, 0xB5, 0x2F, 0xFD]),
    ]
    for (format, magic) in magics where bytes.starts(with: magic) {
      return .compressed(format: format)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
    // UTF-16 without a byte order mark: ASCII text with every other byte zero.
    if bytes.count >= 8 {
      let pairs = bytes.count / 2
      let zeroOdd = stride(from: 1, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
      let zeroEven = stride(from: 0, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
      if max(zeroOdd, zeroEven) * 10 >= pairs * 9 && min(zeroOdd, zeroEven) * 10 < pairs { return .utf16 }
    }
    // Text may hold the odd control byte (a stray NUL, colour escapes in a log); binary data
    // holds many.
    let control = bytes.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x1B && $0 != 0x0C }
    if control.count * 10 > bytes.count { return .binary }
    return nil
  }
}
