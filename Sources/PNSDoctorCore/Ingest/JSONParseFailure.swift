/// Why the bytes of one record could not be read as JSON (or as a Python literal).
public enum JSONParseFailure: Sendable, Equatable {
  /// The input stopped inside the value: the record is truncated.
  case unexpectedEnd(expected: String)
  /// A byte that cannot appear here.
  case unexpectedCharacter(String, expected: String)
  /// A string holds bytes that are not UTF-8.
  case invalidUTF8(byte: UInt8)
  /// Objects and arrays are nested deeper than the limit.
  case tooDeep(limit: Int)
  /// The record is longer than the limit, in bytes.
  case tooLarge(limit: Int)
  /// A raw line break inside a string: usually a record cut off at the end of its line.
  case lineBreakInString
  /// A backslash escape that means nothing.
  case invalidEscape(String)
  /// Digits that do not form a number.
  case invalidNumber(String)
}

/// A parse failure and where it happened, as a byte offset from the start of the record.
public struct JSONParseError: Error, Sendable, Equatable {
  public var failure: JSONParseFailure
  /// Offset of the offending byte from the start of the parsed bytes.
  public var offset: Int

  public init(_ failure: JSONParseFailure, at offset: Int) {
    self.failure = failure
    self.offset = offset
  }
}
