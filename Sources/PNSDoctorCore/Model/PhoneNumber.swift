/// Phone numbers are personal data: this is how pnsdoctor shows and matches them.
public enum PhoneNumber {
  /// The number masked the way the platform's own documents write them: `+86138****0021`.
  ///
  /// Country code and the first three national digits stay, the last four stay, and the digits
  /// between become `*` (at least four, taken from the front digits when the number is short). Short numbers keep only their last two digits. A number
  /// that is already masked, or is not a number, is returned with its digits masked all the same.
  public static func mask(_ number: String) -> String {
    // Already masked (the platform's own samples are): leave it.
    if number.contains("****") { return number }
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

  /// `text` with every phone number in it masked: numbers in global format (`+` and 7 to 15
  /// digits), numbers after `@` (as AX SMS texts name the receiver), and bare digit runs (no
  /// digit on either side) shaped like a mainland number: a mobile number alone (`1` and 10
  /// digits), after `86` or after `0086`, a landline with its trunk `0` (11 or 12 digits), and
  /// a 400, 800 or 95 service number.
  /// Digits may be grouped by single spaces or dashes (`138 0013 8000`, `010-12345678`) and may
  /// be full-width (`１３８…`, as Chinese input methods type them). Other digit runs, such as the
  /// parts of a session id, a date or a timestamp, are left alone.
  public static func maskAll(in text: String) -> String {
    // Most text (a label, a cause, a time) holds no number: every number has five digits or
    // more, and a full-width digit starts with byte 0xEF. Said at a glance, without building
    // characters.
    var digits = 0
    for byte in text.utf8 {
      if byte &- 0x30 < 10 {
        digits += 1
      } else if byte == 0xEF {
        digits = 5
      }
      if digits >= 5 { break }
    }
    guard digits >= 5 else { return text }
    let characters = Array(text)
    var output = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let marker = character == "+" || character == "@"
      let start = marker ? index + 1 : index
      if let (digits, end) = number(in: characters, from: start, marked: marker) {
        switch character {
        case "+": output += mask("+" + digits)
        case "@": output += "@" + mask(digits)
        default: output += mask(digits)
        }
        index = end
        continue
      }
      var end = start
      while end < characters.count, asciiDigit(characters[end]) != nil { end += 1 }
      if !marker && end > start {
        // A run of digits that is not a phone number is copied whole, so that its tail is not
        // mistaken for one.
        output += String(characters[start..<end])
        index = end
        continue
      }
      output.append(character)
      index += 1
    }
    return output
  }

  /// The longest phone number starting at `start` (its digits, in ASCII, and where it ends), if
  /// there is one: groups of digits joined by single spaces or dashes, at most 15 digits. Every
  /// group after the first holds three digits or more, as phone numbers are grouped (`138 0013
  /// 8000`, `+86 10 1234 5678`): a date's two-digit month and day (`10000-01-01 00:00`) do not
  /// join their year into a number.
  private static func number(in characters: [Character], from start: Int, marked: Bool) -> (String, Int)? {
    var digits = ""
    var position = start
    var found: (String, Int)?
    while digits.count <= 15 {
      var end = position
      while end < characters.count, let digit = asciiDigit(characters[end]) {
        digits.append(digit)
        end += 1
      }
      guard end > position, position == start || end - position >= 3 else { break }
      let valid = marked ? (7...15).contains(digits.count) : isBareNumber(digits)
      if valid && digits.count <= 15 { found = (digits, end) }
      guard end + 1 < characters.count, characters[end] == " " || characters[end] == "-",
        asciiDigit(characters[end + 1]) != nil
      else { break }
      position = end + 1
    }
    return found
  }

  /// The ASCII digit of an ASCII or full-width digit.
  private static func asciiDigit(_ character: Character) -> Character? {
    guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
    switch scalar.value {
    case 0x30...0x39: return character
    case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
    default: return nil
    }
  }

  /// Whether a bare run of digits is shaped like a mainland number (see `maskAll`).
  static func isBareNumber(_ digits: String) -> Bool {
    // Service numbers: 400 and 800 numbers (10 digits), and the 95 numbers of banks and
    // carriers (5 to 8 digits).
    if digits.count == 10 && (digits.hasPrefix("400") || digits.hasPrefix("800")) { return true }
    if (5...8).contains(digits.count) && digits.hasPrefix("95") { return true }
    switch digits.count {
    case 11: return digits.hasPrefix("1") || (digits.hasPrefix("0") && !digits.hasPrefix("00"))
    case 12: return digits.hasPrefix("0") && !digits.hasPrefix("00")
    case 13: return digits.hasPrefix("861")
    case 15: return digits.hasPrefix("00861")
    default: return false
    }
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
