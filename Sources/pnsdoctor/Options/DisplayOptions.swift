import ArgumentParser
import Foundation
import PNSDoctorCore

/// How results are shown to a person: time zone, language, masking.
struct DisplayOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Time zone for display: local, UTC, +08:00, or a name such as Asia/Shanghai.",
      valueName: "zone"))
  var tz: String = "local"

  @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh (default: from LANG).", valueName: "lang"))
  var lang: String?

  @Flag(name: .long, help: "Show full phone numbers instead of masking them (显示完整号码).")
  var reveal = false

  var language: Language {
    if let lang, let chosen = Language(rawValue: lang.lowercased().prefix(2).description) { return chosen }
    return Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }

  func validate() throws {
    guard TimeDisplay.zone(named: tz) != nil else {
      throw ValidationError("unknown time zone '\(tz)': use local, UTC, +08:00 or a name such as Asia/Shanghai")
    }
    if let lang, Language(rawValue: lang.lowercased().prefix(2).description) == nil {
      throw ValidationError("unknown language '\(lang)': use en or zh")
    }
  }

  var timeDisplay: TimeDisplay {
    TimeDisplay(zone: TimeDisplay.zone(named: tz) ?? .current)
  }

  /// Text that may hold numbers (a session id, a description, a message quoting a field) as it
  /// may be shown: numbers in it masked unless `--reveal`, and always safe for a terminal.
  func show(text: String, limit: Int = 400) -> String {
    TerminalSanitizer.sanitize(reveal ? text : PhoneNumber.maskAll(in: text), limit: limit)
  }

  /// A number as it may be shown: masked unless `--reveal`, and always safe for a terminal.
  func show(number: String?) -> String {
    guard let number else { return "-" }
    return TerminalSanitizer.sanitize(reveal ? number : PhoneNumber.mask(number), limit: 40)
  }
}
