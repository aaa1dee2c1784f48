/// One step from a record down to one of its elements: a key of an object or an index of an
/// array (`feeLst`, then `[3]`).
enum ElementStep: Hashable, Sendable {
  case key(String)
  case index(Int)
}

/// Finds where an element of a record starts in the record's text, so that a problem with one
/// CDR of a batch is reported at that CDR and not at the batch's first byte.
///
/// It walks the text's structure (brackets, quotes, commas) without building values, which the
/// JSON and Python forms share. Looking up elements in ascending order resumes from the last
/// one found, so locating every bad element of a batch costs one pass over the record. Text it
/// cannot follow (PHP's `=>` and `array(`) gives `nil`, and the record's own start is used.
struct ElementLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The last array element found: its parent's steps, its index and its offset, from which a
  /// later index of the same array is found without walking the earlier elements again.
  private var lastElement: (parent: ArraySlice<ElementStep>, index: Int, offset: Int)?
  /// Bytes looked at so far: the work done, which tests hold to grow linearly with the record.
  private(set) var bytesExamined = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The offset (in `bytes`) where the element `steps` lead to starts, or `nil`.
  mutating func offset(of steps: [ElementStep]) -> Int? {
    guard let last = steps.last, case .index(let wanted) = last else { return walk(steps[...], from: 0) }
    let parent = steps.dropLast()
    if let previous = lastElement, previous.parent == parent, previous.index <= wanted {
      guard let found = skipElements(wanted - previous.index, from: previous.offset) else { return nil }
      bytesExamined += found - previous.offset
      lastElement = (parent, wanted, found)
      return found
    }
    guard let arrayStart = walk(parent, from: 0), let found = element(wanted, ofArrayAt: arrayStart) else {
      bytesExamined += bytes.count
      return nil
    }
    // A fresh walk may look at every member of the objects on the way (a repeated key counts
    // by its last occurrence): the whole record, at worst.
    bytesExamined += bytes.count
    lastElement = (parent, wanted, found)
    return found
  }

  private func walk(_ steps: ArraySlice<ElementStep>, from start: Int) -> Int? {
    var position = start
    for step in steps {
      switch step {
      case .index(let wanted):
        guard let found = element(wanted, ofArrayAt: position) else { return nil }
        position = found
      case .key(let key):
        guard let found = member(key, ofObjectAt: position) else { return nil }
        position = found
      }
    }
    return skipSpace(from: position)
  }

  /// The start of element `wanted` of the array whose `[` is at or after `start`.
  private func element(_ wanted: Int, ofArrayAt start: Int) -> Int? {
    guard let open = skipSpace(from: start), bytes[open] == UInt8(ascii: "[") else { return nil }
    guard let first = skipSpace(from: open + 1) else { return nil }
    return skipElements(wanted, from: first)
  }

  /// From the start of one element, the start of the element `count` places further on.
  private func skipElements(_ count: Int, from start: Int) -> Int? {
    var position = start
    for _ in 0..<count {
      guard let end = skipValue(from: position), let comma = skipSpace(from: end),
        bytes[comma] == UInt8(ascii: ","), let next = skipSpace(from: comma + 1)
      else { return nil }
      position = next
    }
    return position
  }

  /// The value of the last member named `key` in the object whose `{` is at or after `start`
  /// (the member a reader keeps when a key repeats).
  private func member(_ key: String, ofObjectAt start: Int) -> Int? {
    guard var position = skipSpace(from: start), bytes[position] == UInt8(ascii: "{") else { return nil }
    let wanted = Array(key.utf8)
    var found: Int?
    position += 1
    while true {
      guard let keyStart = skipSpace(from: position) else { return found }
      let quote = bytes[keyStart]
      if quote == UInt8(ascii: "}") { return found }
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), let keyEnd = skipString(from: keyStart),
        let colon = skipSpace(from: keyEnd), bytes[colon] == UInt8(ascii: ":"),
        let value = skipSpace(from: colon + 1), let valueEnd = skipValue(from: value)
      else { return found }
      if keyEnd - keyStart - 2 == wanted.count,
        zip(bytes[(keyStart + 1)..<(keyEnd - 1)], wanted).allSatisfy({ $0 == $1 })
      {
        found = value
      }
      guard let separator = skipSpace(from: valueEnd), bytes[separator] == UInt8(ascii: ",") else { return found }
      position = separator + 1
    }
  }

  /// The offset just after the value starting at `start`.
  private func skipValue(from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    switch bytes[start] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return skipString(from: start)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      var position = start
      while position < bytes.count {
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          guard let end = skipString(from: position) else { return nil }
          position = end
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return position + 1 }
        default:
          break
        }
        position += 1
      }
      return nil
    default:
      var position = start
      while position < bytes.count {
        switch bytes[position] {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D:
          return position
        default:
          position += 1
        }
      }
      return position
    }
  }

  /// The offset just after the string whose opening quote is at `start`.
  private func skipString(from start: Int) -> Int? {
    let quote = bytes[start]
    var position = start + 1
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\\") {
        position += 2
        continue
      }
      if byte == quote { return position + 1 }
      position += 1
    }
    return nil
  }

  private func skipSpace(from start: Int) -> Int? {
    var position = start
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return position
      }
    }
    return nil
  }
}
