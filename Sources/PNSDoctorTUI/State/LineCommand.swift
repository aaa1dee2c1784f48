public import PNSDoctorCore

/// The commands of the `:` line, k9s-style. The table runs them (by name or a unique start of
/// one) and generates their part of the help page.
public struct LineCommand: Sendable {
  public enum Name: String, Sendable, CaseIterable {
    case calls, sms, stats, cause, number, since, until, filter, sort, columns, failed, all, clear, help, quit
  }

  public var name: Name
  /// What the argument is, for help; `nil` when the command takes none.
  public var argument: String?
  public var help: LocalizedText

  public static let all: [LineCommand] = [
    LineCommand(name: .calls, argument: nil, help: LocalizedText(english: "Show the call list", chinese: "显示呼叫列表")),
    LineCommand(name: .sms, argument: nil, help: LocalizedText(english: "Show the SMS list", chinese: "显示短信列表")),
    LineCommand(name: .stats, argument: nil, help: LocalizedText(english: "Show the statistics", chinese: "显示统计")),
    LineCommand(
      name: .cause, argument: "RULE",
      help: LocalizedText(
        english: "Failed calls whose top cause is RULE (an id, or a unique part of one)",
        chinese: "首要原因为该规则的失败呼叫（规则 ID 或其唯一片段）")),
    LineCommand(
      name: .number, argument: "DIGITS",
      help: LocalizedText(
        english: "Calls with this number as caller, callee or X (3 or more digits)",
        chinese: "主叫、被叫或隐私号含这些数字的呼叫（至少 3 位）")),
    LineCommand(
      name: .since, argument: "TIME",
      help: LocalizedText(
        english: "Calls from TIME on: 30m, 2h, 7d ago, or 2026-11-23 14:00", chinese: "从该时间起的呼叫：30m、2h、7d 前，或 2026-11-23 14:00")),
    LineCommand(
      name: .until, argument: "TIME", help: LocalizedText(english: "Calls before TIME", chinese: "该时间之前的呼叫")),
    LineCommand(
      name: .filter, argument: "TEXT", help: LocalizedText(english: "The same as typing / TEXT", chinese: "等同于 / 输入筛选")),
    LineCommand(
      name: .sort, argument: "newest|oldest|ring|mode",
      help: LocalizedText(english: "Order of the call list", chinese: "呼叫列表的排序")),
    LineCommand(
      name: .columns, argument: "auto|COLUMN,…",
      help: LocalizedText(
        english: "Call list columns: time mode x caller callee result ring codes session cause",
        chinese: "呼叫列表的列：time mode x caller callee result ring codes session cause")),
    LineCommand(name: .failed, argument: nil, help: LocalizedText(english: "Failed only", chinese: "仅失败")),
    LineCommand(name: .all, argument: nil, help: LocalizedText(english: "Failed and answered", chinese: "失败与接通")),
    LineCommand(
      name: .clear, argument: nil,
      help: LocalizedText(english: "Clear every filter (text, cause, number, time)", chinese: "清除全部筛选（文字、原因、号码、时间）")),
    LineCommand(name: .help, argument: nil, help: LocalizedText(english: "This help", chinese: "本帮助")),
    LineCommand(name: .quit, argument: nil, help: LocalizedText(english: "Quit (also :q)", chinese: "退出（也可 :q）")),
  ]

  /// The commands `word` names: the one spelled so, else those it starts.
  public static func matching(_ word: String) -> [Name] {
    let word = word.lowercased()
    if word == "q" { return [.quit] }
    if let exact = Name(rawValue: word) { return [exact] }
    return Name.allCases.filter { $0.rawValue.hasPrefix(word) }
  }
}
