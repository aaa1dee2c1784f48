/// The byte-level reading the PHP parsers share: the layout between tokens, words, and how a
/// PHP array's entries become JSON.
///
/// Layout is whitespace plus what a person pasting PHP leaves in: a `//` or `#` first on a line
/// is a comment marker put before code (`// 'eventType' => 'fee',`), so only the marker is
/// skipped and the code after it is read; elsewhere, after a value, `//` and `#` start a comment
/// that runs to the end of the line.
struct PHPText {
  let bytes: UnsafeBufferPointer<UInt8>
  var index: Int

  init(bytes: UnsafeBufferPointer<UInt8>, index: Int = 0) {
    self.bytes = bytes
    self.index = index
  }

  var atEnd: Bool { index >= bytes.count }
  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Skips whitespace, line-start comment markers and trailing comments.
  mutating func skipLayout() {
    var atLineStart = false
    while index < bytes.count {
      let here = bytes[index]
      switch here {
      case 0x0A:
        atLineStart = true
        index += 1
      case 0x20, 0x09, 0x0D, 0x0C:
        index += 1
      case UInt8(ascii: "#"), UInt8(ascii: "/"):
        let slashes = here == UInt8(ascii: "/")
        guard !slashes || byte(at: index + 1) == UInt8(ascii: "/") else { return }
        if atLineStart {
          index += slashes ? 2 : 1
          atLineStart = false
        } else {
          while index < bytes.count && bytes[index] != 0x0A { index += 1 }
        }
      default:
        return
      }
    }
  }

  /// Skips spaces and tabs only, staying on the line.
  mutating func skipSpaces() {
    while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
  }

  func byte(at position: Int) -> UInt8? {
    position >= 0 && position < bytes.count ? bytes[position] : nil
  }

  /// Whether `word` is at the cursor, ASCII letters compared without case when asked, and not
  /// followed by more of an identifier.
  func matchesWord(_ word: String, ignoringCase: Bool) -> Bool {
    var position = index
    for expected in word.utf8 {
      guard let actual = byte(at: position) else { return false }
      let same = ignoringCase ? actual | 0x20 == expected | 0x20 : actual == expected
      guard same else { return false }
      position += 1
    }
    return !(byte(at: position).map(Self.isIdentifierByte) ?? false)
  }

  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte >= 0x80
  }

  /// A printable description of the byte at `position` for error messages.
  func describeByte(at position: Int) -> String {
    guard let byte = byte(at: position) else { return "end of input" }
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }

  func error(expected: String) -> JSONParseError {
    atEnd
      ? JSONParseError(.unexpectedEnd(expected: expected), at: index)
      : JSONParseError(.unexpectedCharacter(describeByte(at: index), expected: expected), at: index)
  }

  /// The text of `start..<end`, which must be UTF-8.
  func text(from start: Int, to end: Int) throws(JSONParseError) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if let bad = UTF8Validation.firstInvalidOffset(in: slice) {
      throw JSONParseError(.invalidUTF8(byte: slice[bad]), at: start + bad)
    }
    return String(decoding: slice, as: UTF8.self)
  }

  // MARK: - Entries to JSON

  /// A PHP array key: PHP keeps integer keys apart from string keys.
  enum Key {
    case integer(Int)
    case string(String)
  }

  /// A PHP array as JSON: a list when its keys are 0, 1, 2… in order (entries without a key
  /// take the next integer, as in PHP), an object otherwise.
  static func value(of entries: [(key: Key?, value: JSONValue)]) -> JSONValue {
    var next = 0
    var keyed: [(key: Key, value: JSONValue)] = []
    keyed.reserveCapacity(entries.count)
    for entry in entries {
      let key = entry.key ?? .integer(next)
      if case .integer(let number) = key { next = max(next, number &+ 1) }
      keyed.append((key, entry.value))
    }
    let isList = keyed.enumerated().allSatisfy { position, entry in
      if case .integer(let number) = entry.key { return number == position }
      return false
    }
    if isList { return .array(keyed.map(\.value)) }
    return .object(
      JSONObject(
        members: keyed.map { entry in
          switch entry.key {
          case .integer(let number): return JSONObject.Member(key: String(number), value: entry.value)
          case .string(let text): return JSONObject.Member(key: text, value: entry.value)
          }
        }))
  }

  // MARK: - Openers

  /// Whether the bytes at `position` open a PHP array the scanner should try: `array (` in any
  /// case (a literal or `var_export`), or `Array` / `stdClass Object` followed by `(` on a later
  /// line (`print_r`), not inside a longer identifier. `nil` when the bytes end before it can
  /// tell.
  static func opensArray(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool? {
    var text = PHPText(bytes: bytes, index: position)
    if position > 0, isIdentifierByte(bytes[position - 1]) || bytes[position - 1] == UInt8(ascii: "$") {
      return false
    }
    if text.matchesWord("array", ignoringCase: true) {
      text.index += 5
    } else if text.matchesWord("stdClass", ignoringCase: false) {
      text.index += 8
      text.skipSpaces()
      guard text.matchesWord("Object", ignoringCase: false) else { return text.atEnd ? nil : false }
      text.index += 6
    } else {
      return bytes.count - position < 16 ? nil : false
    }
    text.skipLayout()
    guard let next = text.current else { return nil }
    return next == UInt8(ascii: "(")
  }

  /// Whether a `[` at `position` opens a PHP short array: the first entry is a quoted key
  /// followed by `=>`. `nil` when the bytes end before it can tell.
  static func opensShortArray(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool? {
    var text = PHPText(bytes: bytes, index: position + 1)
    text.skipLayout()
    guard let quote = text.current else { return nil }
    guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return false }
    text.index += 1
    // A key is short: look no further than a line's worth for its closing quote.
    let limit = min(bytes.count, text.index + 256)
    while text.index < limit && bytes[text.index] != quote {
      if bytes[text.index] == 0x0A { return false }
      text.index += bytes[text.index] == UInt8(ascii: "\\") ? 2 : 1
    }
    guard text.index < limit else { return text.index >= bytes.count ? nil : false }
    text.index += 1
    text.skipLayout()
    guard let first = text.current, let second = text.byte(at: text.index + 1) else { return nil }
    return first == UInt8(ascii: "=") && second == UInt8(ascii: ">")
  }
}
