/// A text in English and Chinese: every user-facing sentence of the knowledge base is one.
public struct LocalizedText: Sendable, Equatable, Hashable {
  public var english: String
  public var chinese: String

  public init(english: String, chinese: String) {
    self.english = english
    self.chinese = chinese
  }

  /// The same text in both languages (for values that are not words, such as a time).
  public init(_ both: String) {
    self.init(english: both, chinese: both)
  }

  /// The text in `language`.
  public func text(in language: Language) -> String {
    language == .chinese ? chinese : english
  }
}
