public import PNSDoctorCore

/// The one table of key bindings: it dispatches keys and it generates the help screen and the
/// status-line hints, so the two cannot drift apart.
public struct KeyMap: Sendable {
  /// One binding: the keys, the command, how help names the keys, and what it does.
  public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var label: String
    public var help: LocalizedText
    /// A word or two for the status line's hints; `nil` keeps the binding out of them.
    public var hint: LocalizedText?
  }

  public let bindings: [Binding]

  public static let standard = KeyMap(bindings: [
    Binding(
      keys: [.up, .character("k"), .wheelUp], command: .moveUp, label: "↑/k",
      help: LocalizedText(english: "Move up", chinese: "上移"), hint: nil),
    Binding(
      keys: [.down, .character("j"), .wheelDown], command: .moveDown, label: "↓/j",
      help: LocalizedText(english: "Move down", chinese: "下移"), hint: nil),
    Binding(
      keys: [.pageUp], command: .pageUp, label: "PgUp", help: LocalizedText(english: "Page up", chinese: "上一页"),
      hint: nil),
    Binding(
      keys: [.pageDown], command: .pageDown, label: "PgDn", help: LocalizedText(english: "Page down", chinese: "下一页"),
      hint: nil),
    Binding(
      keys: [.character("g"), .home], command: .top, label: "g",
      help: LocalizedText(english: "Go to the top", chinese: "跳到顶部"), hint: nil),
    Binding(
      keys: [.character("G"), .end], command: .bottom, label: "G",
      help: LocalizedText(english: "Go to the bottom", chinese: "跳到底部"), hint: nil),
    Binding(
      keys: [.enter], command: .open, label: "Enter",
      help: LocalizedText(english: "Open the selected call or message", chinese: "打开所选呼叫或短信"),
      hint: LocalizedText(english: "open", chinese: "打开")),
    Binding(
      keys: [.escape], command: .back, label: "Esc",
      help: LocalizedText(
        english: "Back; on the list: clear the filter, then go to Calls (never quits)",
        chinese: "返回；在列表中：清除筛选，再回到呼叫页（不会退出）"),
      hint: nil),
    Binding(
      keys: [.character("q")], command: .close, label: "q",
      help: LocalizedText(english: "Close this page; on the list: quit", chinese: "关闭本页；在列表中：退出"),
      hint: LocalizedText(english: "back/quit", chinese: "返回/退出")),
    Binding(
      keys: [.character("Q"), .control("c")], command: .quit, label: "Q/Ctrl-C",
      help: LocalizedText(english: "Quit from anywhere", chinese: "随时退出"), hint: nil),
    Binding(
      keys: [.tab], command: .nextTab, label: "Tab",
      help: LocalizedText(english: "Switch between Calls, SMS and Stats", chinese: "在呼叫、短信、统计之间切换"),
      hint: LocalizedText(english: "switch", chinese: "切换")),
    Binding(
      keys: [.character("/")], command: .filter, label: "/",
      help: LocalizedText(
        english: "Filter: number, code, cause words, session id (Esc clears)",
        chinese: "筛选：号码、原因码、原因关键词、sessionId（Esc 清除）"),
      hint: LocalizedText(english: "filter", chinese: "筛选")),
    Binding(
      keys: [.character("f")], command: .toggleFailed, label: "f",
      help: LocalizedText(english: "Failed only / all", chinese: "仅失败 / 全部"),
      hint: LocalizedText(english: "failed/all", chinese: "失败/全部")),
    Binding(
      keys: [.character("s")], command: .cycleSort, label: "s",
      help: LocalizedText(english: "Sort by the next column", chinese: "按下一列排序"), hint: nil),
    Binding(
      keys: [.character("p")], command: .paste, label: "p",
      help: LocalizedText(
        english: "Paste a CDR, event, SMS, API error or log line to diagnose", chinese: "粘贴话单、事件、短信、接口错误或日志进行诊断"),
      hint: LocalizedText(english: "paste", chinese: "粘贴")),
    Binding(
      keys: [.character("r")], command: .reload, label: "r",
      help: LocalizedText(english: "Reload the store (new imports appear)", chinese: "重新加载存储（显示新导入的数据）"), hint: nil),
    Binding(
      keys: [.character("m")], command: .toggleMask, label: "m",
      help: LocalizedText(english: "Mask / reveal phone numbers", chinese: "号码脱敏 / 显示"), hint: nil),
    Binding(
      keys: [.character("L")], command: .toggleLanguage, label: "L",
      help: LocalizedText(english: "中文 / English", chinese: "中文 / English"), hint: nil),
    Binding(
      keys: [.character("v")], command: .toggleRaw, label: "v",
      help: LocalizedText(english: "Show the raw JSON of a call", chinese: "显示呼叫的原始 JSON"), hint: nil),
    Binding(
      keys: [.character("n"), .character("]")], command: .nextCall, label: "n/]",
      help: LocalizedText(english: "Call detail: the next call of the list", chinese: "呼叫详情：列表中的下一个呼叫"),
      hint: nil),
    Binding(
      keys: [.character("N"), .character("[")], command: .previousCall, label: "N/[",
      help: LocalizedText(english: "Call detail: the previous call of the list", chinese: "呼叫详情：列表中的上一个呼叫"),
      hint: nil),
    Binding(
      keys: [.character("F")], command: .toggleFollow, label: "F",
      help: LocalizedText(
        english: "Follow: keep the newest calls in view as they arrive (new data shows by itself either way)",
        chinese: "跟随：新呼叫到达时始终显示最新（无论是否跟随，新数据都会自动显示）"),
      hint: nil),
    Binding(
      keys: [.character("?")], command: .help, label: "?", help: LocalizedText(english: "Help", chinese: "帮助"),
      hint: LocalizedText(english: "help", chinese: "帮助")),
    Binding(
      keys: [.control("d")], command: .runPaste, label: "Ctrl-D",
      help: LocalizedText(english: "Paste screen: diagnose what was typed", chinese: "粘贴页：诊断输入内容"), hint: nil),
    Binding(
      keys: [.control("s")], command: .savePaste, label: "Ctrl-S",
      help: LocalizedText(english: "Paste screen: save the diagnosed records to the store", chinese: "粘贴页：将已诊断的记录存入存储"),
      hint: nil),
  ])

  /// The command a key runs.
  public func command(for key: Key) -> Command? {
    bindings.first { $0.keys.contains(key) }?.command
  }
}
