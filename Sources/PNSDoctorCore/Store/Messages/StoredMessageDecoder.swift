/// Turns the store's own messages back into typed ones, strictly: the JSON must be JSON
/// (`StrictJSONParser`) and read whole as the kind the store recorded, or the store is damaged.
///
/// Nothing here guesses a kind or accepts the forms an input may take (Python reprs, log
/// prefixes): those belong to reading inputs, before anything is stored.
enum StoredMessageDecoder {
  /// Why a stored message does not read.
  struct Damage: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  static func message(_ stored: StoredMessage) throws(Damage) -> Message {
    let value: JSONValue
    do {
      value = try StrictJSONParser.parse(stored.json)
    } catch {
      throw Damage(description: "stored \(stored.kind) is not JSON: \(error)")
    }
    switch MessageClassifier.message(ofKind: stored.kind, from: value) {
    case .success(let message): return message
    case .failure(let reason): throw Damage(description: "stored \(stored.kind) does not read: \(reason)")
    }
  }
}
