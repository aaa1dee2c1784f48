import PNSDoctorCore

extension KeyTable {
  /// The paste page: every key not here is text.
  public static let paste = KeyTable(
    title: LocalizedText(english: "Paste page (other keys type text)", chinese: "粘贴页（其他按键即输入文字）"),
    bindings: [
      KeyBinding(
        [.control("d")], .runPaste, label: "Ctrl-D",
        help: LocalizedText(english: "Diagnose what was typed (a paste is diagnosed by itself)", chinese: "诊断已输入的内容（粘贴会自动诊断）"),
        hint: LocalizedText(english: "diagnose", chinese: "诊断")),
      KeyBinding(
        [.control("s")], .savePaste, label: "Ctrl-S",
        help: LocalizedText(english: "Save the diagnosed records to the store", chinese: "将已诊断的记录存入存储"),
        hint: LocalizedText(english: "save", chinese: "保存")),
      KeyBinding(
        [.control("u")], .clearPaste, label: "Ctrl-U",
        help: LocalizedText(english: "Clear the text", chinese: "清空文字"), hint: LocalizedText(english: "clear", chinese: "清空")),
      KeyBinding(
        [.up, .wheelUp], .moveUp, label: "↑", help: LocalizedText(english: "Scroll the result up", chinese: "结果上滚")),
      KeyBinding(
        [.down, .wheelDown], .moveDown, label: "↓", help: LocalizedText(english: "Scroll the result down", chinese: "结果下滚")),
      KeyBinding([.pageUp], .pageUp, label: "PgUp", help: LocalizedText(english: "Result: page up", chinese: "结果上一页")),
      KeyBinding([.pageDown], .pageDown, label: "PgDn", help: LocalizedText(english: "Result: page down", chinese: "结果下一页")),
      KeyBinding(
        [.escape], .back, label: "Esc", help: LocalizedText(english: "Back to the list", chinese: "返回列表"),
        hint: LocalizedText(english: "back", chinese: "返回")),
    ])
}
