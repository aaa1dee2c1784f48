/// SQL LIKE patterns from text a person typed: `%`, `_` and the escape character itself are
/// matched literally (use with `ESCAPE '\\'`).
enum LikePattern {
  /// A pattern matching any text that contains `text`.
  static func containing(_ text: String) -> String {
    "%" + escaped(text) + "%"
  }

  /// `text` with LIKE's wildcards and the escape character escaped.
  static func escaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
