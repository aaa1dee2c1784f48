import PNSDoctorCore

extension KeyTable {
  /// Keys that work on every page where nothing is being typed.
  public static let everywhere = KeyTable(
    title: LocalizedText(english: "Everywhere", chinese: "所有页面"),
    bindings: [
      KeyBinding(
        [.escape], .back, label: "Esc",
        help: LocalizedText(
          english: "Back; on a list: clear the filters, then go to Calls (never quits)",
          chinese: "返回；在列表中：清除筛选，再回到呼叫页（不会退出）")),
      KeyBinding(
        [.character("q")], .close, label: "q",
        help: LocalizedText(english: "Close this page; on a list: quit", chinese: "关闭本页；在列表中：退出"),
        hint: LocalizedText(english: "back/quit", chinese: "返回/退出")),
      KeyBinding(
        [.character("Q"), .control("c")], .quit, label: "Q/Ctrl-C",
        help: LocalizedText(english: "Quit from anywhere", chinese: "随时退出")),
      KeyBinding(
        [.character(":")], .commandLine, label: ":",
        help: LocalizedText(
          english: "Command line (:calls, :cause ID, :number N, :since 2h …; see COMMANDS)",
          chinese: "命令行（:calls、:cause 规则、:number 号码、:since 2h 等，见“命令”）"),
        hint: LocalizedText(english: "command", chinese: "命令")),
      KeyBinding(
        [.character("?")], .help, label: "?", help: LocalizedText(english: "Help", chinese: "帮助"),
        hint: LocalizedText(english: "help", chinese: "帮助")),
      KeyBinding(
        [.character("m")], .toggleMask, label: "m",
        help: LocalizedText(english: "Mask / reveal phone numbers", chinese: "号码脱敏 / 显示")),
      KeyBinding(
        [.character("L")], .toggleLanguage, label: "L",
        help: LocalizedText(english: "中文 / English", chinese: "中文 / English")),
    ])
}
