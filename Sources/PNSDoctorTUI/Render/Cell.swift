/// One terminal cell of the in-memory screen.
public struct Cell: Sendable, Equatable {
  /// The character drawn in the cell; empty for the right half of a wide character.
  public var text: String
  public var role: Role

  public init(text: String, role: Role) {
    self.text = text
    self.role = role
  }

  public static let blank = Cell(text: " ", role: .normal)

  /// The right half of a two-column character.
  public var isContinuation: Bool { text.isEmpty }
}
