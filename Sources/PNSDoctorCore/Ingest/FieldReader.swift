/// Reads typed fields out of one JSON object, leniently where no information is lost, and
/// collects every problem instead of stopping at the first.
///
/// Lenient means: numbers sent as strings (`"ulFailReason":"518"`), strings sent as numbers,
/// booleans for 0/1 flags, and empty strings or `null` for absent values are all accepted.
/// Anything that would need guessing (`"ulFailReason":"busy"`, `518.5`) is a problem.
struct FieldReader {
  let object: JSONObject
  /// Path of the object inside its record, for messages (`feeLst[3]`), empty at the top.
  let path: String
  private(set) var problems: [ReadIssue.Reason] = []
  /// Which members a typed field took, by position (a flag per member: cheaper than a set of
  /// keys, as each record is read once and has some thirty members).
  private var consumed: [Bool]

  init(_ object: JSONObject, path: String) {
    self.object = object
    self.path = path
    consumed = Array(repeating: false, count: object.members.count)
  }

  /// The members no typed field took: kept so that nothing the platform sends is dropped.
  var unknownMembers: [JSONObject.Member] {
    zip(object.members, consumed).compactMap { $1 ? nil : $0 }
  }

  /// The value of `key`, the last one when it appears more than once (as `JSONObject` reads
  /// it); every member with that key counts as taken.
  private mutating func take(member key: String) -> JSONValue? {
    var found: JSONValue?
    for index in object.members.indices where object.members[index].key == key {
      consumed[index] = true
      found = object.members[index].value
    }
    return found
  }

  private func fieldPath(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// The value of `key`, or `nil` when it is absent, `null` or an empty string.
  private mutating func present(_ key: String) -> JSONValue? {
    guard let value = take(member: key) else { return nil }
    switch value {
    case .null: return nil
    case .string(let text) where text.isEmpty: return nil
    default: return value
    }
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
      || scalar.properties.generalCategory == .format
  }

  mutating func string(_ key: String) -> String? {
    guard let value = present(key) else { return nil }
    switch value {
    case .string(let text): return text
    case .number(let digits): return digits
    case .bool(let flag): return flag ? "true" : "false"
    default:
      problems.append(.wrongType(path: fieldPath(key), expected: "a string", found: value.kindDescription))
      return nil
    }
  }

  /// A required string; records a problem when it is absent.
  /// Text made only of control characters and white space (`"\u0000"`) counts as absent: an
  /// id nobody can see or type identifies nothing.
  mutating func requiredString(_ key: String) -> String {
    if let text = string(key), text.unicodeScalars.contains(where: { !Self.isBlank($0) }) { return text }
    if !problems.contains(where: {
      if case .wrongType(let p, _, _) = $0 { return p == fieldPath(key) }; return false
    }) {
      problems.append(.missingField(path: fieldPath(key)))
    }
    return ""
  }

  mutating func integer(_ key: String) -> Int? {
    guard let value = present(key) else { return nil }
    switch value {
    case .number(let digits), .string(let digits):
      if let integer = Self.integer(fromDigits: digits) { return integer }
      let shown = value.stringValue.map { "\"\($0)\"" } ?? digits
      problems.append(.wrongType(path: fieldPath(key), expected: "an integer", found: shown))
      return nil
    case .bool(let flag):
      return flag ? 1 : 0
    default:
      problems.append(.wrongType(path: fieldPath(key), expected: "an integer", found: value.kindDescription))
      return nil
    }
  }

  /// An integer from digits, also accepting `518.0` and `5.18e2` when they are whole numbers.
  static func integer(fromDigits text: String) -> Int? {
    let trimmed = Self.trimmed(text)
    if let integer = Int(trimmed) { return integer }
    guard let double = Double(trimmed), double.isFinite, double.rounded() == double,
      abs(double) < 9.0e15
    else { return nil }
    return Int(double)
  }

  /// `text` without surrounding spaces; cheap when there are none, which is nearly always.
  static func trimmed(_ text: String) -> String {
    guard text.first == " " || text.last == " " else { return text }
    return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  mutating func time(_ key: String) -> Timestamp? {
    guard let value = present(key) else { return nil }
    switch value {
    case .string(let text):
      if let time = Timestamp.parse(Self.trimmed(text)) { return time }
      problems.append(.invalidTime(path: fieldPath(key), text: text))
      return nil
    case .number(let digits):
      // Epoch seconds or milliseconds, as some receivers re-log them.
      if let epoch = Int64(digits), digits.count == 10 || digits.count == 13 {
        return Timestamp(millisecondsSince1970: digits.count == 10 ? epoch * 1000 : epoch)
      }
      problems.append(.invalidTime(path: fieldPath(key), text: digits))
      return nil
    default:
      problems.append(.wrongType(path: fieldPath(key), expected: "a time string", found: value.kindDescription))
      return nil
    }
  }

  /// A nested object, or `nil` (with a problem when present with another type).
  mutating func object(_ key: String) -> JSONObject? {
    guard let value = present(key) else { return nil }
    if let object = value.objectValue { return object }
    problems.append(.wrongType(path: fieldPath(key), expected: "an object", found: value.kindDescription))
    return nil
  }

  /// Marks a key as read by the caller without converting it.
  mutating func take(_ key: String) -> JSONValue? {
    take(member: key)
  }

  /// Records a problem found by the caller.
  mutating func report(_ problem: ReadIssue.Reason) {
    problems.append(problem)
  }
}
