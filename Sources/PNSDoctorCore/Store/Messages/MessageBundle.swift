/// The serialised form of one call's messages, before compression: what `call_messages.bundle`
/// holds once decompressed.
///
/// Layout: a format byte, the session id (its length as an unsigned LEB128 number, then its
/// UTF-8 bytes; the call row keeps only its hash), the message count, then per message its kind
/// (one byte), deliveries, source id, line and JSON length as LEB128 numbers, and the JSON
/// bytes. Messages keep the order in which they were first stored.
enum MessageBundle {
  /// The only layout so far; a store holding another is refused as damaged or newer.
  static let format: UInt8 = 1

  /// Why bytes are not a bundle.
  struct Damage: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  static func encode(sessionId: String, _ messages: [StoredMessage]) -> [UInt8] {
    var bytes: [UInt8] = [format]
    let id = Array(sessionId.utf8)
    bytes.reserveCapacity(messages.reduce(id.count + 8) { $0 + $1.json.count + 8 })
    appendNumber(UInt64(id.count), to: &bytes)
    bytes += id
    appendNumber(UInt64(messages.count), to: &bytes)
    for message in messages {
      bytes.append(message.kind.rawValue)
      appendNumber(UInt64(max(0, message.deliveries)), to: &bytes)
      appendNumber(UInt64(max(0, message.sourceId)), to: &bytes)
      appendNumber(UInt64(max(0, message.line)), to: &bytes)
      appendNumber(UInt64(message.json.count), to: &bytes)
      bytes += message.json
    }
    return bytes
  }

  /// The session id alone, without reading the messages.
  static func sessionId(in bytes: [UInt8]) throws(Damage) -> String {
    var index = 0
    return try sessionId(in: bytes, at: &index)
  }

  private static func sessionId(in bytes: [UInt8], at index: inout Int) throws(Damage) -> String {
    guard bytes.first == format else { throw Damage(description: "unknown bundle format") }
    index = 1
    let length = try number(in: bytes, at: &index)
    guard length <= UInt64(bytes.count - index) else { throw Damage(description: "session id beyond the bundle") }
    let end = index + Int(length)
    defer { index = end }
    return String(decoding: bytes[index..<end], as: UTF8.self)
  }

  static func decode(_ bytes: [UInt8]) throws(Damage) -> (sessionId: String, messages: [StoredMessage]) {
    var index = 0
    let sessionId = try sessionId(in: bytes, at: &index)
    let count = try number(in: bytes, at: &index)
    // Each message takes at least six bytes: a count beyond that is damage, not a promise to
    // allocate for.
    guard count <= UInt64(bytes.count) / 6 else { throw Damage(description: "message count beyond the bundle") }
    var messages: [StoredMessage] = []
    messages.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard index < bytes.count, let kind = Message.Kind(rawValue: bytes[index]) else {
        throw Damage(description: "unknown message kind")
      }
      index += 1
      let deliveries = try number(in: bytes, at: &index)
      let source = try number(in: bytes, at: &index)
      let line = try number(in: bytes, at: &index)
      let length = try number(in: bytes, at: &index)
      guard deliveries <= UInt64(Int.max), source <= UInt64(Int64.max), line <= UInt64(Int.max),
        length <= UInt64(bytes.count - index)
      else { throw Damage(description: "message beyond the bundle") }
      let end = index + Int(length)
      messages.append(
        StoredMessage(
          kind: kind, json: Array(bytes[index..<end]), deliveries: Int(deliveries), sourceId: Int64(source),
          line: Int(line)))
      index = end
    }
    guard index == bytes.count else { throw Damage(description: "bytes after the last message") }
    return (sessionId, messages)
  }

  private static func appendNumber(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private static func number(in bytes: [UInt8], at index: inout Int) throws(Damage) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard shift < 64 else { break }
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    throw Damage(description: "a number cut short")
  }
}
