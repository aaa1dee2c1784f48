/// The language of user-facing text. pnsdoctor speaks Chinese and English.
public enum Language: String, Sendable, CaseIterable {
  case english = "en"
  case chinese = "zh"

  /// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; Chinese
  /// when that names a `zh` locale, English otherwise.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .chinese : .english
      }
    }
    return .english
  }

  /// Picks the text for this language.
  public func pick(_ english: String, _ chinese: String) -> String {
    self == .chinese ? chinese : english
  }
}
