import PNSDoctorCore

extension KeyTable {
  /// The Calls, SMS and Stats lists.
  public static let lists = KeyTable(
    title: LocalizedText(english: "Lists (Calls, SMS, Stats)", chinese: "列表（呼叫、短信、统计）"),
    bindings: [
      KeyBinding(
        [.enter], .open, label: "Enter",
        help: LocalizedText(
          english: "Open the call or message; on Stats: the calls of the cause or hour",
          chinese: "打开呼叫或短信；在统计页：列出该原因或该小时的呼叫"),
        hint: LocalizedText(english: "open", chinese: "打开")),
      KeyBinding(
        [.character("/")], .filter, label: "/",
        help: LocalizedText(
          english: "Filter: number digits, code, cause words, session id",
          chinese: "筛选：号码数字、原因码、原因关键词、sessionId"),
        hint: LocalizedText(english: "filter", chinese: "筛选"), hintedOn: [.calls, .sms]),
      KeyBinding(
        [.character("f")], .toggleFailed, label: "f", help: LocalizedText(english: "Failed only / all", chinese: "仅失败 / 全部"),
        hint: LocalizedText(english: "failed/all", chinese: "失败/全部"), hintedOn: [.calls, .sms]),
      KeyBinding(
        [.tab], .nextTab, label: "Tab",
        help: LocalizedText(english: "Switch between Calls, SMS and Stats", chinese: "在呼叫、短信、统计之间切换"),
        hint: LocalizedText(english: "switch", chinese: "切换")),
      KeyBinding(
        [.character("s")], .cycleSort, label: "s",
        help: LocalizedText(english: "Calls: sort by the next order (the header marks it)", chinese: "呼叫：换下一种排序（表头标出）")),
      KeyBinding(
        [.character("o")], .chooseColumns, label: "o",
        help: LocalizedText(english: "Calls: choose the columns (:columns)", chinese: "呼叫：选择显示的列（:columns）")),
      KeyBinding(
        [.character("F")], .toggleFollow, label: "F",
        help: LocalizedText(
          english: "Follow: keep the newest calls in view as they arrive (new data shows by itself either way)",
          chinese: "跟随：新呼叫到达时始终显示最新（无论是否跟随，新数据都会自动显示）")),
      KeyBinding(
        [.left, .character("h")], .previousHour, label: "←/h",
        help: LocalizedText(english: "Stats: select the hour before in the chart", chinese: "统计：选中图中前一小时"),
        hint: LocalizedText(english: "hour", chinese: "小时"), hintedOn: [.stats]),
      KeyBinding(
        [.right, .character("l")], .nextHour, label: "→/l",
        help: LocalizedText(english: "Stats: select the hour after in the chart", chinese: "统计：选中图中后一小时")),
      KeyBinding(
        [.character("p")], .paste, label: "p",
        help: LocalizedText(
          english: "Paste a CDR, event, SMS, API error or log line to diagnose",
          chinese: "粘贴话单、事件、短信、接口错误或日志进行诊断")),
      KeyBinding(
        [.character("r")], .reload, label: "r",
        help: LocalizedText(
          english: "Reload now (new data also shows by itself); reopens a store deleted or replaced",
          chinese: "立即重新加载（新数据也会自动显示）；存储被删除或替换时重新打开")),
    ])
}
