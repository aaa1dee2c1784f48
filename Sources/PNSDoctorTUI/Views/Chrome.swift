import PNSDoctorCore

/// The parts around every page: the tab bar at the top, the status line and the key hints at the
/// bottom (generated from the key map).
enum Chrome {
  static func drawTabs(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    var x = screen.put("pnsdoctor ", x: 0, y: 0, role: .heading)
    let names = [l.pick("Calls", "呼叫"), l.pick("SMS", "短信"), l.pick("Stats", "统计")]
    for (index, name) in names.enumerated() {
      let active =
        state.tab.rawValue == index && (state.page == .list || state.page == .callDetail || state.page == .smsDetail)
      x += screen.put(" \(name) ", x: x, y: 0, role: active ? .selected : .muted)
      x += screen.put(" ", x: x, y: 0)
    }
    let page: String
    switch state.page {
    case .list: page = ""
    case .callDetail: page = l.pick("› call", "› 呼叫详情")
    case .smsDetail: page = l.pick("› SMS", "› 短信详情")
    case .paste: page = l.pick("› paste", "› 粘贴诊断")
    case .help: page = l.pick("› help", "› 帮助")
    }
    screen.put(page, x: x, y: 0, role: .heading)
  }

  static func drawStatus(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    let y = screen.height - 2
    screen.paint(row: y, role: .status)
    var parts: [String] = []
    // Loading first: it must stay visible however narrow the screen.
    if state.calls.loading || state.sms.loading { parts.append(l.pick("loading…", "加载中…")) }
    // Then what arrived by itself, before the parts a narrow screen cuts.
    if !state.freshRowIds.isEmpty {
      parts.append(l.pick("\(state.freshRowIds.count) new", "新增 \(state.freshRowIds.count)"))
    }
    if state.following { parts.append(l.pick("following", "跟随中")) }
    parts.append(
      l.pick("store ", "存储 ") + (state.storeName.split(separator: "/").last.map(String.init) ?? state.storeName))
    if !state.filter.isEmpty || state.editingFilter { parts.append(l.pick("filter ", "筛选 ") + "\"\(state.filter)\"") }
    if let cause = state.causeFilter, state.tab == .calls { parts.append(l.pick("cause ", "原因 ") + cause) }
    switch state.tab {
    case .calls:
      let counts = state.counts
      let shown = "\(state.calls.total)\(state.callsTotalIsLowerBound ? "+" : "")"
      parts.append(
        l.pick(
          "\(shown) shown · \(counts?.failedCalls ?? 0) failed · \(counts?.calls ?? 0) total",
          "显示 \(shown) · 失败 \(counts?.failedCalls ?? 0) · 共 \(counts?.calls ?? 0)"))
      parts.append(l.pick("sort ", "排序 ") + state.sort.label.text(in: l))
    case .sms:
      parts.append(
        l.pick(
          "\(state.sms.total) shown · \(state.counts?.smsNotifications ?? 0) SMS",
          "显示 \(state.sms.total) · 短信 \(state.counts?.smsNotifications ?? 0)"))
    case .stats:
      break
    }
    parts.append(state.failedOnly ? l.pick("failed only", "仅失败") : l.pick("all", "全部"))

    parts.append(state.masked ? l.pick("numbers masked", "号码已脱敏") : l.pick("numbers shown", "号码已显示"))
    screen.put(" " + parts.joined(separator: " · "), x: 0, y: y, role: .status)
    let hintRow = screen.height - 1
    if let message = state.message {
      screen.put(message, x: 0, y: hintRow, role: .warning)
      return
    }
    if state.editingFilter {
      var x = screen.put("/", x: 0, y: hintRow, role: .key)
      x += screen.put(state.filter, x: x, y: hintRow)
      x += screen.put("█", x: x, y: hintRow, role: .muted)
      screen.put(l.pick("  Enter keep · Esc clear", "  Enter 保留 · Esc 清除"), x: x, y: hintRow, role: .muted)
      return
    }
    if state.page == .paste {
      screen.put(
        l.pick(
          "paste, or type then Ctrl-D to diagnose · Ctrl-S save · Ctrl-U clear · Esc back",
          "粘贴，或输入后按 Ctrl-D 诊断 · Ctrl-S 保存 · Ctrl-U 清空 · Esc 返回"),
        x: 0, y: hintRow, role: .muted)
      return
    }
    var x = 0
    for binding in KeyMap.standard.bindings {
      guard let hint = binding.hint else { continue }
      x += screen.put(binding.label, x: x, y: hintRow, role: .key)
      x += screen.put(" " + hint.text(in: l) + "  ", x: x, y: hintRow, role: .muted)
    }
  }
}
