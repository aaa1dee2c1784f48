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

  /// The status line (what the page shows) and under it the hint line: a message, the line
  /// being typed, or the live key tables' hints.
  static func drawStatus(_ screen: inout ScreenBuffer, _ state: AppState) {
    let y = screen.height - 2
    screen.paint(row: y, role: .status)
    screen.put(" " + statusParts(state).joined(separator: " · "), x: 0, y: y, role: .status)
    drawHints(&screen, state, row: screen.height - 1)
  }

  /// The live receiver's part of the status line: pushes per minute, the last push's time,
  /// and the last hour's failures (what `pnsdoctor receiver` lists).
  private static func receiverPart(_ receiver: ReceiverPulse, _ l: Language, _ times: TimeDisplay) -> String {
    var text = l.pick("receiver \(receiver.pushesLastMinute)/min", "接收 \(receiver.pushesLastMinute)/分")
    if let last = receiver.lastPushMs {
      text += l.pick(" last ", " 最近 ") + times.formatShort(Timestamp(millisecondsSince1970: last))
    }
    if receiver.upstreamFailuresLastHour > 0 {
      text += l.pick(" · \(receiver.upstreamFailuresLastHour) upstream failed/h", " · 上游失败 \(receiver.upstreamFailuresLastHour)/时")
    }
    if receiver.failuresLastHour > receiver.upstreamFailuresLastHour {
      text += l.pick(" · \(receiver.failuresLastHour) push problems/h", " · 推送问题 \(receiver.failuresLastHour)/时")
    }
    return text
  }

  private static func statusParts(_ state: AppState) -> [String] {
    let l = state.language
    var parts: [String] = []
    // Loading first: it must stay visible however narrow the screen.
    if state.calls.loading || state.sms.loading { parts.append(l.pick("loading…", "加载中…")) }
    switch state.page {
    case .callDetail:
      if let detail = state.detail {
        if state.detailTrail.isEmpty {
          parts.append(l.pick("call \(state.calls.selected + 1) of \(state.calls.total)", "第 \(state.calls.selected + 1) / \(state.calls.total) 个呼叫"))
        } else {
          parts.append(l.pick("related call, \(state.detailTrail.count) back with Esc", "相关呼叫，按 Esc 返回 \(state.detailTrail.count) 层"))
        }
        parts.append(Wording.verdict(detail.diagnosis.verdict, in: l))
        parts.append(l.pick("\(detail.call.events.count) events", "事件 \(detail.call.events.count)"))
        parts.append(l.pick("\(detail.related.count) related", "相关 \(detail.related.count)"))
        if state.showRaw { parts.append(l.pick("raw JSON", "原始 JSON")) }
      }
      parts.append(state.masked ? l.pick("numbers masked", "号码已脱敏") : l.pick("numbers shown", "号码已显示"))
      return parts
    case .smsDetail:
      parts.append(l.pick("SMS \(state.sms.selected + 1) of \(state.sms.total)", "第 \(state.sms.selected + 1) / \(state.sms.total) 条短信"))
      parts.append(state.masked ? l.pick("numbers masked", "号码已脱敏") : l.pick("numbers shown", "号码已显示"))
      return parts
    case .paste:
      parts.append(
        state.paste.diagnosed
          ? l.pick("\(state.paste.results.count) diagnosed", "已诊断 \(state.paste.results.count) 条")
          : l.pick("not diagnosed yet", "尚未诊断"))
      if state.paste.saved { parts.append(l.pick("saved", "已保存")) }
      return parts
    case .help:
      parts.append(l.pick("help: every key, from the key tables", "帮助：全部按键（来自按键表）"))
      return parts
    case .list:
      break
    }
    // Then what arrived by itself, before the parts a narrow screen cuts.
    if !state.freshRowIds.isEmpty {
      parts.append(l.pick("\(state.freshRowIds.count) new", "新增 \(state.freshRowIds.count)"))
    }
    if state.following { parts.append(l.pick("following", "跟随中")) }
    if let receiver = state.receiver, receiver.lastPushMs != nil { parts.append(receiverPart(receiver, l, state.timeDisplay)) }
    parts.append(
      l.pick("store ", "存储 ") + (state.storeName.split(separator: "/").last.map(String.init) ?? state.storeName))
    if !state.filter.isEmpty || state.editingFilter { parts.append(l.pick("filter ", "筛选 ") + "\"\(state.filter)\"") }
    if state.tab == .calls {
      if let cause = state.causeFilter { parts.append(l.pick("cause ", "原因 ") + cause) }
      if let number = state.numberFilter {
        parts.append(l.pick("number ", "号码 ") + (state.masked ? PhoneNumber.maskAll(in: number) : number))
      }
      if let label = state.timeSpan.label { parts.append(label) }
    }
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
    if state.tab != .stats {
      parts.append(state.failedOnly ? l.pick("failed only", "仅失败") : l.pick("all", "全部"))
    }
    parts.append(state.masked ? l.pick("numbers masked", "号码已脱敏") : l.pick("numbers shown", "号码已显示"))
    return parts
  }

  /// What became of the store's file, and what to do, while it is not the one opened.
  static func storeNotice(_ state: AppState) -> String? {
    let l = state.language
    switch state.storeFileState {
    case .unchanged: return nil
    case .deleted:
      return l.pick(
        "the store file was deleted: shown is its last state · r reopens the path",
        "存储文件已被删除：显示的是其最后状态 · 按 r 重新打开")
    case .replaced:
      return l.pick(
        "another store file replaced this one: shown is the old file · r opens the new one",
        "存储文件已被替换：显示的是旧文件 · 按 r 打开新文件")
    case .migrated:
      return l.pick(
        "a newer pnsdoctor migrated this store: what is shown may be wrong · r reopens (this version may refuse it)",
        "较新版本的 pnsdoctor 已升级此存储：显示内容可能有误 · 按 r 重新打开（当前版本可能无法读取）")
    }
  }

  private static func drawHints(_ screen: inout ScreenBuffer, _ state: AppState, row: Int) {
    let l = state.language
    if let notice = storeNotice(state) {
      // Until reopened, what the screen shows is not what the path holds: said before all else
      // (and why a reopening failed, after it).
      screen.put(notice + (state.message.map { " · " + $0 } ?? ""), x: 0, y: row, role: .warning)
      return
    }
    if let message = state.message {
      screen.put(message, x: 0, y: row, role: .warning)
      return
    }
    var x = 0
    if let line = state.commandLine {
      x += screen.put(":", x: x, y: row, role: .key)
      x += screen.put(line, x: x, y: row)
      x += screen.put("█  ", x: x, y: row, role: .muted)
    } else if state.editingFilter {
      x += screen.put("/", x: x, y: row, role: .key)
      x += screen.put(state.filter, x: x, y: row)
      x += screen.put("█  ", x: x, y: row, role: .muted)
    }
    for table in KeyMap.tables(for: state) {
      for binding in table.bindings {
        guard let hint = binding.hint else { continue }
        if let tabs = binding.hintedOn, state.page == .list, !tabs.contains(state.tab) { continue }
        x += screen.put(binding.label, x: x, y: row, role: .key)
        x += screen.put(" " + hint.text(in: l) + "  ", x: x, y: row, role: .muted)
      }
    }
  }
}
