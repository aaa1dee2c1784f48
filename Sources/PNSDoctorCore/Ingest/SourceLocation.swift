/// A place in an input: its name, and a 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The file path, `<stdin>` or `<paste>`.
  public var source: String
  /// 1-based line, or 0 when the location is the whole input.
  public var line: Int
  /// 1-based column in characters (not bytes), or 0 when the location is the whole input.
  public var column: Int

  public init(source: String, line: Int = 0, column: Int = 0) {
    self.source = source
    self.line = line
    self.column = column
  }

  /// `file:line:column`, or just the file when the location is the whole input.
  public var description: String {
    line > 0 ? "\(source):\(line):\(column)" : source
  }
}
