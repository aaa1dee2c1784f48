/// Reads `print_r` output as JSON:
///
/// ```text
/// Array
/// (
///     [eventType] => fee
///     [feeLst] => Array
///         (
///             [0] => Array
///                 (
///                     [ulFailReason] => 8104
/// ```
///
/// `print_r` writes every scalar bare, to the end of its line, so types are guessed the way a
/// push carries them: a whole number without a leading zero is a number, anything else a string
/// (`004` stays the string it was). A value that runs over several lines is joined with line
/// breaks. Objects (`stdClass Object`) read as arrays do; comment markers at line starts are
/// skipped.
enum PrintRParser {
  /// Whether `bytes` start with `Array` or `<Class> Object`, then `(` on a later line, as
  /// `print_r` writes them (a PHP literal's `array(` is on the same line).
  static func starts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = PHPText(bytes: bytes)
    guard skipHeader(&text) else { return false }
    let headerEnd = text.index
    text.skipLayout()
    guard text.current == UInt8(ascii: "(") else { return false }
    return bytes[headerEnd..<text.index].contains(0x0A)
  }

  /// Parses the `print_r` value at the start of `bytes`.
  static func parseValue(
    in bytes: UnsafeBufferPointer<UInt8>
  ) throws(JSONParseError) -> (value: JSONValue, length: Int) {
    var text = PHPText(bytes: bytes)
    let value = try container(&text, depth: 1)
    return (value, text.index)
  }

  /// Skips `Array` or `Name Object`; false when neither is at the cursor.
  private static func skipHeader(_ text: inout PHPText) -> Bool {
    if text.matchesWord("Array", ignoringCase: false) {
      text.index += 5
      return true
    }
    let start = text.index
    while let byte = text.current, PHPText.isIdentifierByte(byte) || byte == UInt8(ascii: "\\") { text.index += 1 }
    guard text.index > start, text.current == 0x20 else {
      text.index = start
      return false
    }
    text.index += 1
    guard text.matchesWord("Object", ignoringCase: false) else {
      text.index = start
      return false
    }
    text.index += 6
    return true
  }

  /// The header at the cursor, its `(`, entries and `)`.
  private static func container(_ text: inout PHPText, depth: Int) throws(JSONParseError) -> JSONValue {
    if depth > LenientJSONParser.maximumDepth {
      throw JSONParseError(.tooDeep(limit: LenientJSONParser.maximumDepth), at: text.index)
    }
    guard skipHeader(&text) else { throw text.error(expected: "Array") }
    text.skipLayout()
    guard text.current == UInt8(ascii: "(") else { throw text.error(expected: "'(' after Array") }
    text.index += 1
    var entries: [(key: PHPText.Key?, value: JSONValue)] = []
    while true {
      text.skipLayout()
      guard let byte = text.current else { throw text.error(expected: "'[key] => value' or ')'") }
      if byte == UInt8(ascii: ")") {
        text.index += 1
        return PHPText.value(of: entries)
      }
      guard byte == UInt8(ascii: "[") else { throw text.error(expected: "'[key] => value' or ')'") }
      let keyStart = text.index + 1
      text.index += 1
      while let next = text.current, next != UInt8(ascii: "]"), next != 0x0A { text.index += 1 }
      guard text.current == UInt8(ascii: "]") else { throw text.error(expected: "']' closing the key") }
      let keyText = try text.text(from: keyStart, to: text.index)
      text.index += 1
      text.skipSpaces()
      guard text.current == UInt8(ascii: "="), text.byte(at: text.index + 1) == UInt8(ascii: ">") else {
        throw text.error(expected: "'=>' after the key")
      }
      text.index += 2
      if text.current == 0x20 { text.index += 1 }
      let key: PHPText.Key = Int(keyText).map { .integer($0) } ?? .string(keyText)
      entries.append((key, try entryValue(&text, depth: depth)))
    }
  }

  /// A nested array or object, or a scalar to the end of its line (and over the lines that
  /// continue it).
  private static func entryValue(_ text: inout PHPText, depth: Int) throws(JSONParseError) -> JSONValue {
    var probe = text
    if skipHeader(&probe) {
      probe.skipSpaces()
      if probe.current == 0x0A || probe.current == 0x0D {
        probe.skipLayout()
        if probe.current == UInt8(ascii: "(") { return try container(&text, depth: depth + 1) }
      }
    }
    var value = try restOfLine(&text)
    // A string with line breaks goes on until a line that is an entry or the closing `)`.
    while !continuesEntries(text) {
      guard !text.atEnd else { throw JSONParseError(.unexpectedEnd(expected: "')'"), at: text.index) }
      value += "\n" + (try restOfLine(&text))
    }
    return scalar(value)
  }

  /// The text from the cursor to the end of the line (a `\r` before the break dropped), the
  /// cursor left at the start of the next line.
  private static func restOfLine(_ text: inout PHPText) throws(JSONParseError) -> String {
    let start = text.index
    while let byte = text.current, byte != 0x0A { text.index += 1 }
    var end = text.index
    if end > start, text.byte(at: end - 1) == 0x0D { end -= 1 }
    if !text.atEnd { text.index += 1 }
    return try text.text(from: start, to: end)
  }

  /// Whether the line at the cursor is the next entry, the closing `)` or a blank line before
  /// one of them (after its comment marker).
  private static func continuesEntries(_ text: PHPText) -> Bool {
    var probe = text
    probe.skipLayout()
    guard let byte = probe.current else { return false }
    if byte == UInt8(ascii: ")") { return true }
    guard byte == UInt8(ascii: "[") else { return false }
    while let next = probe.current, next != 0x0A {
      if next == UInt8(ascii: "]") {
        probe.index += 1
        probe.skipSpaces()
        return probe.current == UInt8(ascii: "=") && probe.byte(at: probe.index + 1) == UInt8(ascii: ">")
      }
      probe.index += 1
    }
    return false
  }

  /// A bare `print_r` scalar as the JSON value a push would have carried.
  private static func scalar(_ text: String) -> JSONValue {
    let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let isWhole =
      !digits.isEmpty && digits.utf8.count <= 18 && digits.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
      && (digits == "0" || digits.first != "0")
    return isWhole ? .number(text) : .string(text)
  }
}
