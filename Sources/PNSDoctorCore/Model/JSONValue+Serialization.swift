extension JSONValue {
  /// The value as compact JSON text.
  ///
  /// Used to store every record in one canonical form, whatever form it was read in (a Python
  /// dict repr becomes JSON); numbers are written with their original digits.
  public var compactJSON: String {
    String(decoding: compactJSONBytes, as: UTF8.self)
  }

  /// `compactJSON` as UTF-8 bytes, written straight into a byte array (what an import stores;
  /// building a `String` first costs more than the writing).
  public var compactJSONBytes: [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(512)
    write(to: &output)
    return output
  }

  private func write(to output: inout [UInt8]) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .number(let digits): output += digits.utf8
    case .string(let text): Self.writeQuoted(text, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        element.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      output.append(UInt8(ascii: "{"))
      for (index, member) in object.members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.writeQuoted(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        member.value.write(to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Writes `text` as a JSON string literal, escaping only what JSON requires, byte by byte
  /// (only ASCII bytes ever need it; the rest of UTF-8 passes through as it is).
  private static func writeQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += "\\\"".utf8
      case UInt8(ascii: "\\"): output += "\\\\".utf8
      case 0x0A: output += "\\n".utf8
      case 0x0D: output += "\\r".utf8
      case 0x09: output += "\\t".utf8
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output += "\\u00".utf8
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// The value as indented JSON text, for people.
  public func prettyJSON(indent: String = "  ") -> String {
    var output = ""
    writePretty(to: &output, level: 0, indent: indent)
    return output
  }

  private func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let digits): output += digits
    case .string(let text): Self.writeQuoted(text, to: &output)
    case .array(let elements):
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        element.write(to: &output)
      }
      output += "]"
    case .object(let object):
      output += "{"
      for (index, member) in object.members.enumerated() {
        if index > 0 { output += "," }
        Self.writeQuoted(member.key, to: &output)
        output += ":"
        member.value.write(to: &output)
      }
      output += "}"
    }
  }

  private func writePretty(to output: inout String, level: Int, indent: String) {
    let inner = String(repeating: indent, count: level + 1)
    let outer = String(repeating: indent, count: level)
    switch self {
    case .array(let elements) where !elements.isEmpty:
      output += "[\n"
      for (index, element) in elements.enumerated() {
        output += inner
        element.writePretty(to: &output, level: level + 1, indent: indent)
        output += index == elements.count - 1 ? "\n" : ",\n"
      }
      output += outer + "]"
    case .object(let object) where !object.members.isEmpty:
      output += "{\n"
      for (index, member) in object.members.enumerated() {
        output += inner
        Self.writeQuoted(member.key, to: &output)
        output += ": "
        member.value.writePretty(to: &output, level: level + 1, indent: indent)
        output += index == object.members.count - 1 ? "\n" : ",\n"
      }
      output += outer + "}"
    default:
      write(to: &output)
    }
  }

  /// Writes `text` as a JSON string literal, escaping only what JSON requires.
  static func writeQuoted(_ text: String, to output: inout String) {
    output += "\""
    var needsEscaping = false
    for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      needsEscaping = true
      break
    }
    guard needsEscaping else {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
