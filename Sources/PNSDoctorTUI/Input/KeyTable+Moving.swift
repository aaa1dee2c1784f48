import PNSDoctorCore

extension KeyTable {
  /// Moving the selection of a list, or scrolling a page.
  public static let moving = KeyTable(
    title: LocalizedText(english: "Moving (lists and pages)", chinese: "移动（列表与页面）"),
    bindings: [
      KeyBinding(
        [.up, .character("k"), .wheelUp], .moveUp, label: "↑/k", help: LocalizedText(english: "Up", chinese: "上移")),
      KeyBinding(
        [.down, .character("j"), .wheelDown], .moveDown, label: "↓/j",
        help: LocalizedText(english: "Down", chinese: "下移")),
      KeyBinding([.pageUp], .pageUp, label: "PgUp", help: LocalizedText(english: "Page up", chinese: "上一页")),
      KeyBinding([.pageDown], .pageDown, label: "PgDn", help: LocalizedText(english: "Page down", chinese: "下一页")),
      KeyBinding(
        [.character("g"), .home], .top, label: "g/Home", help: LocalizedText(english: "To the top", chinese: "跳到顶部")),
      KeyBinding(
        [.character("G"), .end], .bottom, label: "G/End",
        help: LocalizedText(english: "To the bottom", chinese: "跳到底部")),
    ])
}
