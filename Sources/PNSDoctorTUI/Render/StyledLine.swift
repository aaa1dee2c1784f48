import PNSDoctorCore

/// A line of a scrolling page: pieces of text, each with its role.
public struct StyledLine: Sendable, Equatable {
  public var pieces: [(text: String, role: Role)]
  /// Where a wrapped line's continuations start; `nil` under the line's own leading spaces.
  public var hangingIndent: Int?

  public init(_ pieces: [(text: String, role: Role)]) {
    self.pieces = pieces
  }

  public init(_ text: String, _ role: Role = .normal) {
    self.pieces = [(text, role)]
  }

  public static let blank = StyledLine("")

  public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
    lhs.hangingIndent == rhs.hangingIndent
      && lhs.pieces.elementsEqual(rhs.pieces) { $0.text == $1.text && $0.role == $1.role }
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

  /// Splits a line into lines that fit the width, continuing under its hanging indent. It
  /// breaks between words and between Chinese characters, but never before closing
  /// punctuation (`。`, `，`, `）`, `,` …) nor after opening punctuation (`（`, `“` …), and
  /// splits a word only when it is longer than a line.
  func wrap(_ line: StyledLine) -> [StyledLine] {
    let total = line.pieces.reduce(0) { $0 + columns($1.text) }
    guard total > width, width > 8 else { return [line] }
    let leading = line.pieces.first.map { $0.text.prefix { $0 == " " }.count } ?? 0
    let indentWidth = min(line.hangingIndent ?? leading, width / 2)
    var result: [StyledLine] = []
    var current: [(text: String, role: Role)] = []
    var used = 0
    func append(_ character: Character, _ role: Role) {
      if let last = current.last, last.role == role {
        current[current.count - 1].text.append(character)
      } else {
        current.append((String(character), role))
      }
      used += columns(String(character))
    }
    func flush() {
      // A line ends without the spaces that separated it from the next.
      while let last = current.last, last.text.hasSuffix(" ") {
        current[current.count - 1].text.removeLast()
        used -= 1
        if current[current.count - 1].text.isEmpty { current.removeLast() }
      }
      result.append(StyledLine(current))
      current = [(String(repeating: " ", count: indentWidth), .normal)]
      used = indentWidth
    }
    for unit in Self.breakUnits(line) {
      let unitWidth = unit.reduce(0) { $0 + ($1.0 == " " ? 1 : columns(String($1.0))) }
      let visibleWidth = unitWidth - unit.reversed().prefix { $0.0 == " " }.count
      if used + visibleWidth > width && used > indentWidth { flush() }
      if used == indentWidth && !result.isEmpty && unit.allSatisfy({ $0.0 == " " }) { continue }
      for (character, role) in unit {
        // Spaces that reach past the edge are where the line breaks.
        if character == " " && used + 1 > width { continue }
        // Only a unit wider than a whole line is split inside.
        if used + columns(String(character)) > width && used > indentWidth { flush() }
        append(character, role)
      }
    }
    if !current.isEmpty { result.append(StyledLine(current)) }
    return result
  }

  /// Characters a line may not start with, and those it may not end with.
  private static let closing: Set<Character> = Set("。，、；：？！）》」』】〉〕…·,.;:!?)]}%”’")
  private static let opening: Set<Character> = Set("（《「『【〈〔([{“‘")

  /// The line cut into the pieces a line break may fall between: a word with the spaces after
  /// it, a Chinese character with the closing punctuation after it, opening punctuation with
  /// what follows.
  private static func breakUnits(_ line: StyledLine) -> [[(Character, Role)]] {
    var units: [[(Character, Role)]] = []
    var previous: Character?
    for piece in line.pieces {
      for character in piece.text {
        let wide = DisplayWidth.of(String(character)) == 2
        let joins: Bool
        if let previous, !units.isEmpty {
          let previousWide = DisplayWidth.of(String(previous)) == 2
          joins =
            (closing.contains(character) && previous != " ") || opening.contains(previous)
            || (character == " " && previous != " ")
            || (character != " " && previous != " " && !wide && !previousWide)
            || (character == " " && previous == " ")
        } else {
          joins = false
        }
        if joins { units[units.count - 1].append((character, piece.role)) } else { units.append([(character, piece.role)]) }
        previous = character
      }
    }
    return units
  }
}
