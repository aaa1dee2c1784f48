/// Reads one JSON value from bytes, also accepting the Python literal form that Python loggers
/// print (`{'a': True, 'b': None}`).
///
/// The parser is hand-written rather than built on `JSONSerialization` because it has to read
/// Python reprs, report the exact byte where a record breaks, keep numbers as their digits, keep
/// object member order and duplicates, and enforce a nesting limit before recursing, so hostile
/// input can neither overflow the stack nor be silently "fixed".
public struct LenientJSONParser {
  /// The deepest nesting of objects and arrays accepted.
  public static let maximumDepth = 64

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index: Int
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.index = 0
  }

  /// Parses the value that starts at the first byte of `bytes`.
  ///
  /// - Returns: the value and the number of bytes it took; bytes after it are not looked at.
  /// - Throws: `JSONParseError` with the offset of the first byte that could not be read.
  public static func parseValue(
    in bytes: UnsafeBufferPointer<UInt8>
  ) throws(JSONParseError) -> (value: JSONValue, length: Int) {
    var parser = LenientJSONParser(bytes: bytes)
    let value = try parser.value()
    return (value, parser.index)
  }

  /// Parses a whole text that must hold exactly one value (whitespace around it is allowed).
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    let bytes = Array(text.utf8)
    let outcome: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = LenientJSONParser(bytes: buffer)
      do throws(JSONParseError) {
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        if parser.index < buffer.count {
          throw JSONParseError(
            .unexpectedCharacter(parser.describeByte(at: parser.index), expected: "end of input"),
            at: parser.index)
        }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  // MARK: - Values

  private mutating func value() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else { throw JSONParseError(.unexpectedEnd(expected: "a value"), at: index) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: return try keyword()
    }
  }

  private mutating func object() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var members: [JSONObject.Member] = []
    while true {
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "a key or '}'"), at: index)
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        break
      }
      guard bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
        throw JSONParseError(
          .unexpectedCharacter(describeByte(at: index), expected: "a quoted key or '}'"), at: index)
      }
      let key = try string()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), describing: "':' after the key")
      let member = try value()
      members.append(JSONObject.Member(key: key, value: member))
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "',' or '}'"), at: index)
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] != UInt8(ascii: "}") {
        throw JSONParseError(
          .unexpectedCharacter(describeByte(at: index), expected: "',' or '}'"), at: index)
      }
    }
    depth -= 1
    return .object(JSONObject(members: members))
  }

  private mutating func array() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var elements: [JSONValue] = []
    while true {
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "a value or ']'"), at: index)
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        break
      }
      elements.append(try value())
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "',' or ']'"), at: index)
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] != UInt8(ascii: "]") {
        throw JSONParseError(
          .unexpectedCharacter(describeByte(at: index), expected: "',' or ']'"), at: index)
      }
    }
    depth -= 1
    return .array(elements)
  }

  private mutating func enterContainer() throws(JSONParseError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw JSONParseError(.tooDeep(limit: Self.maximumDepth), at: index)
    }
  }

  private mutating func keyword() throws(JSONParseError) -> JSONValue {
    let words: [(String, JSONValue)] = [
      ("true", .bool(true)), ("false", .bool(false)), ("null", .null),
      ("True", .bool(true)), ("False", .bool(false)), ("None", .null),
      // Python prints a missing float as `nan` (its json module as `NaN`): read as absent. An
      // infinity is kept as text, which any numeric field then rejects by name.
      ("nan", .null), ("NaN", .null), ("inf", .string("inf")), ("Infinity", .string("Infinity")),
    ]
    for (word, value) in words where matches(word) {
      index += word.utf8.count
      return value
    }
    // A prefix of a keyword at the very end is a truncation, not a wrong character.
    let remaining = bytes.count - index
    for (word, _) in words where remaining < word.utf8.count {
      if zip(word.utf8, bytes[index...]).allSatisfy({ $0 == $1 }) {
        throw JSONParseError(.unexpectedEnd(expected: "'\(word)'"), at: bytes.count)
      }
    }
    throw JSONParseError(.unexpectedCharacter(describeByte(at: index), expected: "a value"), at: index)
  }

  private func matches(_ word: String) -> Bool {
    var position = index
    for byte in word.utf8 {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
    }
    return true
  }

  private mutating func number() throws(JSONParseError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    for word in ["inf", "Infinity"] where matches(word) {
      index += word.utf8.count
      return .string("-" + word)
    }
    let integerDigits = digitRun()
    var valid = integerDigits > 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      valid = valid && digitRun() > 0
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      valid = valid && digitRun() > 0
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard valid else {
      if index == bytes.count { throw JSONParseError(.unexpectedEnd(expected: "digits"), at: index) }
      throw JSONParseError(.invalidNumber(text), at: start)
    }
    return .number(text)
  }

  private mutating func digitRun() -> Int {
    let start = index
    while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
    return index - start
  }

  // MARK: - Strings

  private mutating func string() throws(JSONParseError) -> String {
    let quote = bytes[index]
    index += 1
    let start = index
    var sawNonASCII = false
    // Fast path: no escapes, so the text is a slice of the input.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if sawNonASCII { try validateUTF8(slice, base: start) }
        index += 1
        return String(decoding: slice, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte == 0x0A || byte == 0x0D { throw JSONParseError(.lineBreakInString, at: index) }
      if byte >= 0x80 { sawNonASCII = true }
      index += 1
    }
    guard index < bytes.count else {
      throw JSONParseError(.unexpectedEnd(expected: "the closing quote of a string"), at: index)
    }
    return try escapedString(quote: quote, start: start)
  }

  private mutating func escapedString(quote: UInt8, start: Int) throws(JSONParseError) -> String {
    var scalars = String.UnicodeScalarView()
    var segmentStart = start
    func flush(upTo end: Int) throws(JSONParseError) {
      let slice = UnsafeBufferPointer(rebasing: bytes[segmentStart..<end])
      try validateUTF8(slice, base: segmentStart)
      scalars.append(contentsOf: String(decoding: slice, as: UTF8.self).unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote {
        try flush(upTo: index)
        index += 1
        return String(scalars)
      }
      if byte == 0x0A || byte == 0x0D { throw JSONParseError(.lineBreakInString, at: index) }
      guard byte == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      try flush(upTo: index)
      let escapeStart = index
      index += 1
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "an escape"), at: index)
      }
      let code = bytes[index]
      index += 1
      switch code {
      case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"):
        scalars.append(Unicode.Scalar(code))
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "0"): scalars.append("\u{00}")
      case UInt8(ascii: "x"): scalars.append(try hexScalar(digits: 2, escapeStart: escapeStart))
      case UInt8(ascii: "U"): scalars.append(try hexScalar(digits: 8, escapeStart: escapeStart))
      case UInt8(ascii: "u"): scalars.append(try utf16Escape(escapeStart: escapeStart))
      default:
        throw JSONParseError(.invalidEscape("\\" + describeByte(at: index - 1)), at: escapeStart)
      }
      segmentStart = index
    }
    throw JSONParseError(.unexpectedEnd(expected: "the closing quote of a string"), at: index)
  }

  /// A `\uXXXX` escape, joining a UTF-16 surrogate pair when one follows.
  private mutating func utf16Escape(escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
    let first = try hexValue(digits: 4, escapeStart: escapeStart)
    if (0xD800..<0xDC00).contains(first), matches("\\u") {
      let save = index
      index += 2
      let second = try hexValue(digits: 4, escapeStart: save)
      if (0xDC00..<0xE000).contains(second),
        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
      {
        return scalar
      }
      index = save
    }
    // A lone surrogate cannot be represented; keep a visible replacement rather than fail.
    return Unicode.Scalar(first) ?? "\u{FFFD}"
  }

  private mutating func hexScalar(digits: Int, escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
    let value = try hexValue(digits: digits, escapeStart: escapeStart)
    guard let scalar = Unicode.Scalar(value) else {
      throw JSONParseError(.invalidEscape("code point \(value) out of range"), at: escapeStart)
    }
    return scalar
  }

  private mutating func hexValue(digits: Int, escapeStart: Int) throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard index < bytes.count else {
        throw JSONParseError(.unexpectedEnd(expected: "hex digits"), at: index)
      }
      guard let digit = HexDigit.value(of: bytes[index]) else {
        throw JSONParseError(.invalidEscape("hex digit expected"), at: escapeStart)
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private func validateUTF8(_ slice: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONParseError) {
    if let bad = UTF8Validation.firstInvalidOffset(in: slice) {
      throw JSONParseError(.invalidUTF8(byte: slice[bad]), at: base + bad)
    }
  }

  // MARK: - Helpers

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func expect(_ byte: UInt8, describing expected: String) throws(JSONParseError) {
    guard index < bytes.count else { throw JSONParseError(.unexpectedEnd(expected: expected), at: index) }
    guard bytes[index] == byte else {
      throw JSONParseError(.unexpectedCharacter(describeByte(at: index), expected: expected), at: index)
    }
    index += 1
  }

  /// A printable description of the byte at `position` for error messages.
  private func describeByte(at position: Int) -> String {
    guard position < bytes.count else { return "end of input" }
    let byte = bytes[position]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }
}
