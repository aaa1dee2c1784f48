/// Reads one PHP array as JSON: the literals PHP receivers log or engineers copy out of code
/// (`['eventType' => 'fee', 'feeLst' => [[...]]]`, `array(...)`), `var_export` output (with
/// `(object) array(...)` and `stdClass::__set_state(...)` for objects), and, through
/// `PrintRParser`, `print_r` output. Comment markers at line starts are skipped (see
/// `PHPText.skipLayout`).
///
/// Errors are `JSONParseError`s with the offset of the offending byte, so the scanner locates
/// them in the original text exactly as it does JSON's.
struct PHPArrayParser {
  private var text: PHPText
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    text = PHPText(bytes: bytes)
  }

  /// Parses the array that starts at the first byte of `bytes`.
  /// - Returns: the value and the number of bytes it took.
  static func parseValue(
    in bytes: UnsafeBufferPointer<UInt8>
  ) throws(JSONParseError) -> (value: JSONValue, length: Int) {
    if PrintRParser.starts(bytes) { return try PrintRParser.parseValue(in: bytes) }
    var parser = PHPArrayParser(bytes: bytes)
    let value = try parser.value()
    return (value, parser.text.index)
  }

  // MARK: - Values

  private mutating func value() throws(JSONParseError) -> JSONValue {
    text.skipLayout()
    guard let byte = text.current else { throw text.error(expected: "a value") }
    switch byte {
    case UInt8(ascii: "["): return try entries(closing: UInt8(ascii: "]"))
    case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "("): return try objectCast()
    default: break
    }
    if text.matchesWord("array", ignoringCase: true) {
      text.index += 5
      text.skipLayout()
      guard text.current == UInt8(ascii: "(") else { throw text.error(expected: "'(' after array") }
      return try entries(closing: UInt8(ascii: ")"))
    }
    for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
    where text.matchesWord(word, ignoringCase: true) {
      text.index += word.utf8.count
      return value
    }
    if let value = try setState() { return value }
    throw text.error(expected: "a PHP value")
  }

  /// `[` or `(` already at the cursor: entries up to `closing`, each `value` or `key => value`,
  /// separated by commas, a trailing comma allowed.
  private mutating func entries(closing: UInt8) throws(JSONParseError) -> JSONValue {
    depth += 1
    if depth > LenientJSONParser.maximumDepth {
      throw JSONParseError(.tooDeep(limit: LenientJSONParser.maximumDepth), at: text.index)
    }
    text.index += 1
    var entries: [(key: PHPText.Key?, value: JSONValue)] = []
    let closer = closing == UInt8(ascii: "]") ? "']'" : "')'"
    while true {
      text.skipLayout()
      guard let byte = text.current else { throw text.error(expected: "a value or \(closer)") }
      if byte == closing {
        text.index += 1
        break
      }
      let keyStart = text.index
      let first = try value()
      text.skipLayout()
      if text.current == UInt8(ascii: "="), text.byte(at: text.index + 1) == UInt8(ascii: ">") {
        text.index += 2
        entries.append((try key(from: first, at: keyStart), try value()))
        text.skipLayout()
      } else {
        entries.append((nil, first))
      }
      guard let separator = text.current else { throw text.error(expected: "',' or \(closer)") }
      if separator == UInt8(ascii: ",") {
        text.index += 1
      } else if separator != closing {
        throw text.error(expected: "',', '=>' or \(closer)")
      }
    }
    depth -= 1
    return PHPText.value(of: entries)
  }

  private func key(from value: JSONValue, at start: Int) throws(JSONParseError) -> PHPText.Key {
    switch value {
    case .string(let key): return .string(key)
    case .number(let digits):
      if let number = Int(digits) { return .integer(number) }
      return .string(digits)
    default:
      throw JSONParseError(.unexpectedCharacter(text.describeByte(at: start), expected: "a string or integer key"), at: start)
    }
  }

  /// `(object) array(...)`: an object, even when its keys are 0, 1, 2….
  private mutating func objectCast() throws(JSONParseError) -> JSONValue {
    let start = text.index
    text.index += 1
    text.skipSpaces()
    guard text.matchesWord("object", ignoringCase: true) else {
      throw JSONParseError(.unexpectedCharacter("'('", expected: "a PHP value"), at: start)
    }
    text.index += 6
    text.skipSpaces()
    guard text.current == UInt8(ascii: ")") else { throw text.error(expected: "')' after (object") }
    text.index += 1
    return Self.asObject(try value())
  }

  /// `\stdClass::__set_state(array(...))`, as older `var_export` writes objects; `nil` when
  /// the cursor is not at a class name followed by `::__set_state(`.
  private mutating func setState() throws(JSONParseError) -> JSONValue? {
    let start = text.index
    var position = start
    while let byte = text.byte(at: position), PHPText.isIdentifierByte(byte) || byte == UInt8(ascii: "\\") {
      position += 1
    }
    let marker = Array("::__set_state(".utf8)
    guard position > start, (0..<marker.count).allSatisfy({ text.byte(at: position + $0) == marker[$0] }) else {
      return nil
    }
    text.index = position + marker.count
    let inner = try value()
    text.skipLayout()
    guard text.current == UInt8(ascii: ")") else { throw text.error(expected: "')' closing __set_state") }
    text.index += 1
    return Self.asObject(inner)
  }

  private static func asObject(_ value: JSONValue) -> JSONValue {
    guard case .array(let elements) = value else { return value }
    return .object(
      JSONObject(members: elements.enumerated().map { JSONObject.Member(key: String($0.offset), value: $0.element) }))
  }

  private mutating func number() throws(JSONParseError) -> JSONValue {
    let start = text.index
    if text.current == UInt8(ascii: "-") || text.current == UInt8(ascii: "+") { text.index += 1 }
    let digitsStart = text.index
    func digits() -> Int {
      let from = text.index
      while let byte = text.current, byte &- UInt8(ascii: "0") < 10 { text.index += 1 }
      return text.index - from
    }
    var valid = digits() > 0
    if text.current == UInt8(ascii: "."), let next = text.byte(at: text.index + 1), next &- UInt8(ascii: "0") < 10 {
      text.index += 1
      _ = digits()
    }
    if let byte = text.current, byte | 0x20 == UInt8(ascii: "e") {
      text.index += 1
      if text.current == UInt8(ascii: "+") || text.current == UInt8(ascii: "-") { text.index += 1 }
      valid = valid && digits() > 0
    }
    let body = try text.text(from: digitsStart, to: text.index)
    guard valid else {
      if text.atEnd { throw JSONParseError(.unexpectedEnd(expected: "digits"), at: text.index) }
      throw JSONParseError(.invalidNumber(try text.text(from: start, to: text.index)), at: start)
    }
    return .number(text.byte(at: start) == UInt8(ascii: "-") ? "-" + body : body)
  }

  // MARK: - Strings

  /// A single-quoted string (only `\'` and `\\` are escapes) or a double-quoted one (`\n`,
  /// `\t`, `\"`, `\$`, `\x41`, `\u{41}`…; an unknown escape stays as written, as in PHP). Line
  /// breaks are allowed inside both, as PHP allows them.
  private mutating func string() throws(JSONParseError) -> String {
    guard let quote = text.current else { throw text.error(expected: "a string") }
    text.index += 1
    var result = ""
    var segment = text.index
    while let byte = text.current {
      if byte == quote {
        result += try text.text(from: segment, to: text.index)
        text.index += 1
        return result
      }
      guard byte == UInt8(ascii: "\\"), let escaped = text.byte(at: text.index + 1) else {
        text.index += 1
        continue
      }
      result += try text.text(from: segment, to: text.index)
      text.index += 2
      if quote == UInt8(ascii: "'") {
        if escaped == quote || escaped == UInt8(ascii: "\\") {
          result += String(Unicode.Scalar(escaped))
        } else {
          // Not an escape in single quotes: the backslash stays and the next byte is text.
          result += "\\"
          text.index -= 1
        }
      } else {
        result += doubleQuotedEscape(escaped)
      }
      segment = text.index
    }
    throw JSONParseError(.unexpectedEnd(expected: "the closing quote of a string"), at: text.index)
  }

  /// The text of one escape of a double-quoted string, its letter just passed.
  private mutating func doubleQuotedEscape(_ letter: UInt8) -> String {
    switch letter {
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "v"): return "\u{0B}"
    case UInt8(ascii: "e"): return "\u{1B}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "\""): return String(Unicode.Scalar(letter))
    case UInt8(ascii: "x"):
      if let value = hexDigits(maximum: 2), let scalar = Unicode.Scalar(value) { return String(scalar) }
    case UInt8(ascii: "u"):
      if text.current == UInt8(ascii: "{") {
        let save = text.index
        text.index += 1
        if let value = hexDigits(maximum: 6), text.current == UInt8(ascii: "}"), let scalar = Unicode.Scalar(value) {
          text.index += 1
          return String(scalar)
        }
        text.index = save
      }
    default: break
    }
    // Not an escape: the backslash stays, and what followed it is read again as text.
    text.index -= 1
    return "\\"
  }

  private mutating func hexDigits(maximum: Int) -> UInt32? {
    var value: UInt32 = 0
    var count = 0
    while count < maximum, let byte = text.current, let digit = HexDigit.value(of: byte) {
      value = value << 4 | UInt32(digit)
      count += 1
      text.index += 1
    }
    return count > 0 ? value : nil
  }
}
