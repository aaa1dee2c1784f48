/// A JSON value as read from a stored message, kept losslessly.
///
/// Numbers keep their original text so that nothing is rounded away (a 20-digit id stays exact),
/// and objects keep their members in wire order, duplicates included, so that a record can be
/// written back exactly as the platform sent it.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number, as the digits that were on the wire (for example `-12`, `3.5e2`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The object, when this value is one.
  public var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// The elements, when this value is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The text, when this value is a string.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A short name of the value's kind, for error messages ("a string", "an object").
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A JSON object whose members keep their wire order.
public struct JSONObject: Sendable, Equatable {
  /// One `"key": value` pair.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The members in the order they were read.
  public var members: [Member]

  public init(members: [Member] = []) {
    self.members = members
  }

  /// The value of `key`. When a key appears more than once the last one wins, as in most JSON
  /// readers, so pnsdoctor agrees with what the customer's own server most likely saw.
  public subscript(key: String) -> JSONValue? {
    for member in members.reversed() where member.key == key {
      return member.value
    }
    return nil
  }

  /// The keys, in wire order, without repeats.
  public var keys: [String] {
    var seen = Set<String>()
    return members.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
  }

  /// Whether the object has a member named `key`.
  public func contains(_ key: String) -> Bool {
    members.contains { $0.key == key }
  }
}
