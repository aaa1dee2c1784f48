public import PNSDoctorCore

/// The screen as a grid of cells. Views draw into it; the terminal driver only copies it to the
/// terminal, and tests read it as text.
///
/// Text is sanitised on the way in (control characters, escape sequences, bidirectional
/// overrides and zero-width characters become visible placeholders), and cut to the columns it
/// may use by its display width, so a Chinese cause takes two columns a character and a row never
/// spills into the next field.
public struct ScreenBuffer: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Columns a Unicode scalar takes: `wcwidth` on the real terminal, a table in tests.
  private let columnsOf: @Sendable (Unicode.Scalar) -> Int

  public init(width: Int, height: Int, columnsOf: @escaping @Sendable (Unicode.Scalar) -> Int = DisplayWidth.of) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: .blank, count: self.width * self.height)
    self.columnsOf = columnsOf
  }

  public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Columns `text` takes once sanitised.
  public func columns(_ text: String) -> Int {
    TerminalSanitizer.sanitize(text, limit: 10_000).unicodeScalars.reduce(0) { $0 + max(0, columnsOf($1)) }
  }

  /// Draws `text` at column `x` of row `y`, using at most `maxWidth` columns (to the right edge by
  /// default); text that does not fit ends with `…`. Returns the columns used.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height, x >= 0, x < width else { return 0 }
    let limit = min(maxWidth ?? (width - x), width - x)
    guard limit > 0 else { return 0 }
    let safe = TerminalSanitizer.sanitize(text, limit: limit + 1)
    var characters: [(String, Int, Bool)] = []
    for character in safe {
      let scalars = character.unicodeScalars
      let columns = scalars.first.map { max(0, columnsOf($0)) } ?? 0
      // Placeholders inserted by the sanitiser are shown in their own role.
      let placeholder = scalars.count == 1 && scalars.first.map { (0x2400...0x2421).contains($0.value) } == true
      characters.append((String(character), columns, placeholder))
    }
    let total = characters.reduce(0) { $0 + $1.1 }
    var column = x
    var used = 0
    for (index, (character, columns, placeholder)) in characters.enumerated() {
      if columns == 0 {
        // A combining mark joins the previous cell.
        if column > x {
          cells[y * width + column - (cells[y * width + column - 1].isContinuation ? 2 : 1)].text += character
        }
        continue
      }
      let remainingAfter = characters[(index + 1)...].reduce(0) { $0 + $1.1 }
      let needsEllipsis = total > limit && used + columns + (remainingAfter > 0 ? 1 : 0) > limit - 1
      if needsEllipsis || used + columns > limit {
        if used < limit {
          cells[y * width + column] = Cell(text: "…", role: role)
          used += 1
        }
        return used
      }
      cells[y * width + column] = Cell(text: character, role: placeholder ? .placeholder : role)
      if columns == 2 { cells[y * width + column + 1] = Cell(text: "", role: role) }
      column += columns
      used += columns
    }
    return used
  }

  /// Paints `width` cells of row `y` from column `x` with `role`, keeping their text (for the
  /// selected row's highlight).
  public mutating func paint(row y: Int, from x: Int = 0, width span: Int? = nil, role: Role) {
    guard y >= 0, y < height else { return }
    let end = min(width, x + (span ?? width))
    for column in max(0, x)..<max(max(0, x), end) {
      cells[y * width + column].role = role
    }
  }

  /// Fills a row with one character (a rule line).
  public mutating func fill(row y: Int, with character: String, role: Role = .muted) {
    guard y >= 0, y < height else { return }
    for column in 0..<width { cells[y * width + column] = Cell(text: character, role: role) }
  }

  /// The screen as lines of text (wide characters once, trailing spaces kept), for tests.
  public var lines: [String] {
    (0..<height).map { y in
      (0..<width).map { x in self[x, y].text }.joined()
    }
  }

  /// The screen as one text, trailing spaces trimmed on each line: the snapshot form.
  public var snapshot: String {
    lines.map { line in
      var trimmed = line
      while trimmed.hasSuffix(" ") { trimmed.removeLast() }
      return trimmed
    }.joined(separator: "\n")
  }
}
