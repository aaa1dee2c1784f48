import PNSDoctorCore

extension KeyTable {
  /// Typing a filter (`/`) or a command (`:`): every key not here is text.
  public static let lineEditor = KeyTable(
    title: LocalizedText(english: "Typing a filter (/) or a command (:)", chinese: "输入筛选（/）或命令（:）"),
    bindings: [
      KeyBinding(
        [.enter], .acceptLine, label: "Enter",
        help: LocalizedText(english: "Keep the filter / run the command", chinese: "保留筛选 / 执行命令"),
        hint: LocalizedText(english: "keep/run", chinese: "保留/执行")),
      KeyBinding(
        [.escape], .cancelLine, label: "Esc",
        help: LocalizedText(english: "Clear the filter / drop the command", chinese: "清除筛选 / 放弃命令"),
        hint: LocalizedText(english: "cancel", chinese: "取消")),
      KeyBinding(
        [.backspace], .deleteBackward, label: "Backspace",
        help: LocalizedText(english: "Delete the last character", chinese: "删除最后一个字符")),
      KeyBinding(
        [.up], .historyPrevious, label: "↑",
        help: LocalizedText(english: "Command: the one run before", chinese: "命令：上一条历史"),
        hint: LocalizedText(english: "history", chinese: "历史")),
      KeyBinding(
        [.down], .historyNext, label: "↓", help: LocalizedText(english: "Command: the one run after", chinese: "命令：下一条历史")),
    ])
}
