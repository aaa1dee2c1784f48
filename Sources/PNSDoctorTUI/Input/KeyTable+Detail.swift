import PNSDoctorCore

extension KeyTable {
  /// A call's or an SMS notification's detail page.
  public static let detail = KeyTable(
    title: LocalizedText(english: "Call and SMS detail", chinese: "呼叫与短信详情"),
    bindings: [
      KeyBinding(
        [.character("n"), .character("]")], .nextCall, label: "n/]",
        help: LocalizedText(english: "The next call of the list", chinese: "列表中的下一个呼叫"),
        hint: LocalizedText(english: "next", chinese: "下一个")),
      KeyBinding(
        [.character("N"), .character("[")], .previousCall, label: "N/[",
        help: LocalizedText(english: "The previous call of the list", chinese: "列表中的上一个呼叫"),
        hint: LocalizedText(english: "previous", chinese: "上一个")),
      KeyBinding(
        (1...9).map { .character(Character(String($0))) }, .openRelated, label: "1-9",
        help: LocalizedText(
          english: "Open that related call (same caller, callee or X number within an hour; Esc comes back)",
          chinese: "打开对应编号的相关呼叫（一小时内主叫、被叫或隐私号相同；Esc 返回）"),
        hint: LocalizedText(english: "related", chinese: "相关呼叫")),
      KeyBinding(
        [.character("y")], .copySession, label: "y",
        help: LocalizedText(
          english: "Copy the session id (to the clipboard where the terminal accepts it, else shown to select)",
          chinese: "复制 sessionId（终端支持时写入剪贴板，否则显示以便选取）"),
        hint: LocalizedText(english: "copy id", chinese: "复制 ID")),
      KeyBinding(
        [.character("v")], .toggleRaw, label: "v",
        help: LocalizedText(english: "Raw JSON of the messages, in time order", chinese: "按时间顺序显示各消息的原始 JSON"),
        hint: LocalizedText(english: "raw", chinese: "原始")),
    ])
}
