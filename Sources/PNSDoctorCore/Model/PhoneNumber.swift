/// Phone numbers are personal data: this is how pnsdoctor shows and matches them.
public enum PhoneNumber {
  /// The number masked the way the platform's own documents write them: `+86138****0021`.
  ///
  /// Country code and the first three national digits stay, the last four stay, and the digits
  /// between become `*` (at least four, taken from the front digits when the number is short). Short numbers keep only their last two digits. A number
  /// that is already masked, or is not a number, is returned with its digits masked all the same.
  public static func mask(_ number: String) -> String {
    if number.contains("*") { return number }
    var prefix = ""
    var national = Substring(number)
    if national.hasPrefix("+86") {
      prefix = "+86"
      national = national.dropFirst(3)
    } else if national.hasPrefix("+") {
      prefix = "+"
      national = national.dropFirst()
    }
    let characters = Array(national)
    if characters.count >= 8 {
      let hidden = max(4, characters.count - 7)
      let shown = characters.count - 4 - hidden
      return prefix + String(characters.prefix(shown)) + String(repeating: "*", count: hidden)
        + String(characters.suffix(4))
    }
    if characters.count > 2 {
      return prefix + String(repeating: "*", count: characters.count - 2) + String(characters.suffix(2))
    }
    return prefix + String(repeating: "*", count: characters.count)
  }

  /// `text` with every number in global format (`+` and 7 to 15 digits) masked: for showing
  /// pasted or raw text, where numbers can be anywhere.
  public static func maskAll(in text: String) -> String {
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "+" {
        let digits = text[text.index(after: index)...].prefix { $0.isASCII && $0.isNumber }
        if (7...15).contains(digits.count) {
          output += mask("+" + digits)
          index = digits.endIndex
          continue
        }
      }
      output.append(character)
      index = text.index(after: index)
    }
    return output
  }

  /// The number as the platform writes it (global format, `+86…`), from how a person may type
  /// it: with spaces or dashes, with `0086`/`86`, or as an 11-digit mainland mobile number.
  public static func normalize(_ typed: String) -> String {
    var text = typed.filter { !" -().".contains($0) }
    if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
    if text.hasPrefix("+") { return text }
    if text.count == 11, text.first == "1", text.allSatisfy(\.isNumber) { return "+86" + text }
    if text.count == 13, text.hasPrefix("86"), text.allSatisfy(\.isNumber) { return "+" + text }
    return text
  }
}
