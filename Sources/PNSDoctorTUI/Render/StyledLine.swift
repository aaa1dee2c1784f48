/// A line of a scrolling page: pieces of text, each with its role.
public struct StyledLine: Sendable, Equatable {
  public var pieces: [(text: String, role: Role)]

  public init(_ pieces: [(text: String, role: Role)]) {
    self.pieces = pieces
  }

  public init(_ text: String, _ role: Role = .normal) {
    self.pieces = [(text, role)]
  }

  public static let blank = StyledLine("")

  public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
    lhs.pieces.elementsEqual(rhs.pieces) { $0.text == $1.text && $0.role == $1.role }
  }
}

extension ScreenBuffer {
  /// Draws `lines` in rows `top..<top+rows`, skipping the first `scroll` display lines; long
  /// lines wrap at the right edge, continuing under their indentation.
  /// - Returns: the scroll offset actually used (clamped to the content).
  @discardableResult
  public mutating func drawPage(_ lines: [StyledLine], top: Int, rows: Int, scroll: Int) -> Int {
    var wrapped: [StyledLine] = []
    for line in lines { wrapped += wrap(line) }
    let offset = max(0, min(scroll, wrapped.count - rows))
    for (index, line) in wrapped.dropFirst(offset).prefix(rows).enumerated() {
      var x = 0
      for piece in line.pieces {
        x += put(piece.text, x: x, y: top + index, role: piece.role, maxWidth: width - x)
      }
    }
    return offset
  }

  /// Splits a line into lines that fit the width, breaking between characters (Chinese has no
  /// spaces) and preferring spaces for Latin text.
  func wrap(_ line: StyledLine) -> [StyledLine] {
    let total = line.pieces.reduce(0) { $0 + columns($1.text) }
    guard total > width, width > 8 else { return [line] }
    let indent = line.pieces.first.map { String($0.text.prefix { $0 == " " }) } ?? ""
    let indentWidth = min(indent.count, width / 2)
    var result: [StyledLine] = []
    var current: [(text: String, role: Role)] = []
    var used = 0
    func flush() {
      result.append(StyledLine(current))
      current = [(String(repeating: " ", count: indentWidth), .normal)]
      used = indentWidth
    }
    for piece in line.pieces {
      var word = ""
      var wordWidth = 0
      func place() {
        if used + wordWidth > width && used > indentWidth { flush() }
        current.append((word, piece.role))
        used += wordWidth
        word = ""
        wordWidth = 0
      }
      for character in piece.text {
        let columns = self.columns(String(character))
        if character == " " || columns == 2 {
          if columns == 2 {
            place()
            word = String(character)
            wordWidth = 2
            place()
            continue
          }
          word.append(character)
          wordWidth += columns
          place()
          continue
        }
        if wordWidth + columns > width - indentWidth { place() }
        word.append(character)
        wordWidth += columns
      }
      if !word.isEmpty { place() }
    }
    if !current.isEmpty { result.append(StyledLine(current)) }
    return result
  }
}
