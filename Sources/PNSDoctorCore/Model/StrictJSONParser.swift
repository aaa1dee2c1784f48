/// Reads JSON exactly as RFC 8259 defines it, and nothing else: the inverse of
/// `JSONValue.compactJSON`, for text pnsdoctor wrote itself (the store's messages).
///
/// Unlike the lenient reader of inputs, it accepts no Python literals, no single quotes, no
/// trailing commas and no text around the value: anything else means the stored bytes are not
/// what pnsdoctor wrote, which the caller reports as a damaged store rather than guessing.
public struct StrictJSONParser {
  /// Why the bytes are not one JSON value, and where.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
  }

  /// The deepest nesting accepted (as for inputs: hostile bytes cannot overflow the stack).
  public static let maximumDepth = 64

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses `bytes`, which must hold exactly one value (whitespace around it allowed).
  public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
    let copy = Array(bytes)
    let outcome: Result<JSONValue, Failure> = copy.withUnsafeBufferPointer { buffer in
      var parser = StrictJSONParser(bytes: buffer)
      do throws(Failure) {
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == buffer.count else { throw parser.failure("text after the value") }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  private func failure(_ reason: String) -> Failure {
    Failure(offset: index, reason: reason)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    guard index < bytes.count else { throw failure("unexpected end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object(try object())
    case UInt8(ascii: "["): return .array(try array())
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return .number(try number())
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count else { throw failure("unexpected end") }
    for (offset, byte) in expected.enumerated() where bytes[index + offset] != byte {
      throw failure("not a JSON value")
    }
    let count = expected.count
    index += count
    return value
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maximumDepth { throw failure("nested deeper than \(Self.maximumDepth)") }
  }

  private mutating func object() throws(Failure) -> JSONObject {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONObject.Member] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONObject(members: members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      index += 1
      skipWhitespace()
      members.append(JSONObject.Member(key: key, value: try value()))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      index += 1
      return JSONObject(members: members)
    }
  }

  private mutating func array() throws(Failure) -> [JSONValue] {
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipWhitespace()
      elements.append(try value())
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      index += 1
      return elements
    }
  }

  private mutating func number() throws(Failure) -> String {
    let start = index
    func digits(_ parser: inout StrictJSONParser) -> Int {
      let first = parser.index
      while parser.index < parser.bytes.count, (0x30...0x39).contains(parser.bytes[parser.index]) { parser.index += 1 }
      return parser.index - first
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let integerDigits = digits(&self)
    guard integerDigits > 0 else { throw failure("not a JSON value") }
    if integerDigits > 1 && bytes[integerStart] == 0x30 { throw failure("a number with a leading zero") }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw failure("a number without digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits(&self) > 0 else { throw failure("a number without exponent digits") }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  private mutating func string() throws(Failure) -> String {
    index += 1
    // Nearly every string has no escape: it is made from its bytes at once.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) else {
        throw failure("invalid UTF-8")
      }
      index = end + 1
      return text
    }
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(_ parser: StrictJSONParser, to scalars: inout String.UnicodeScalarView) throws(Failure) {
      guard runStart < parser.index else { return }
      let run = UnsafeBufferPointer(rebasing: parser.bytes[runStart..<parser.index])
      guard let text = String(validating: run, as: UTF8.self) else { throw parser.failure("invalid UTF-8") }
      scalars.append(contentsOf: text.unicodeScalars)
    }
    while true {
      guard index < bytes.count else { throw failure("unterminated string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try flushRun(self, to: &scalars)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw failure("a control character inside a string") }
      guard byte == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      try flushRun(self, to: &scalars)
      index += 1
      guard index < bytes.count else { throw failure("unterminated string") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
      default: throw failure("an unknown escape")
      }
      runStart = index
    }
  }

  /// The scalar of `\uXXXX` (its `\u` already read), joining a surrogate pair.
  private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
    let high = try hexQuad()
    if (0xD800...0xDBFF).contains(high) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw failure("a lone surrogate")
      }
      index += 2
      let low = try hexQuad()
      guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      else { throw failure("a lone surrogate") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw failure("a lone surrogate") }
    return scalar
  }

  private mutating func hexQuad() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("unterminated string") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = HexDigit.value(of: bytes[index]) else { throw failure("a bad \\u escape") }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }
}
