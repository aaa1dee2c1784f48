import PNSDoctorCore

/// Drilling down: an hour of the Stats chart to its calls, a call to its related calls, and
/// its session id to the clipboard.
extension Reducer {
  /// ←/→ on Stats: the chart's hour cursor. The first press selects the peak hour, the one
  /// most worth a look.
  static func stepHour(by delta: Int, _ state: inout AppState) {
    guard let statistics = state.statistics else { return }
    let hours = StatsHours.shown(statistics, width: state.width)
    guard !hours.isEmpty else { return }
    if state.statsFocus != .hours {
      state.statsFocus = .hours
      let peak = hours.map(\.failed).max() ?? 0
      state.statsHour = hours.lastIndex { $0.failed == peak } ?? hours.count - 1
      return
    }
    state.statsHour = min(max(0, state.statsHour + delta), hours.count - 1)
  }

  /// Enter on an hour of the chart: that hour's failed calls.
  static func openHour(_ state: inout AppState) -> [Effect] {
    guard let statistics = state.statistics else { return [] }
    let hours = StatsHours.shown(statistics, width: state.width)
    guard hours.indices.contains(state.statsHour) else { return [] }
    let start = hours[state.statsHour].hourStart
    let end = Timestamp(millisecondsSince1970: start.millisecondsSince1970 + 3_600_000)
    state.timeSpan = TimeSpan(
      since: start, until: end,
      label: state.language.pick("hour of ", "时段 ") + state.timeDisplay.formatShort(start))
    state.causeFilter = nil
    state.failedOnly = true
    state.tab = .calls
    return resetList(&state)
  }

  /// 1–9 on a call's detail: that related call, opened over this one (Esc comes back).
  static func openRelated(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard state.page == .callDetail, let detail = state.detail, case .character(let digit) = key,
      let number = digit.wholeNumberValue
    else { return [] }
    guard detail.related.indices.contains(number - 1) else {
      state.message =
        detail.related.isEmpty
        ? state.language.pick("no related calls within an hour", "一小时内没有相关呼叫")
        : state.language.pick("related calls are numbered 1 to \(detail.related.count)", "相关呼叫编号为 1 到 \(detail.related.count)")
      return []
    }
    let summary = detail.related[number - 1].summary
    state.openingRelated = true
    return [.openCall(rowId: summary.rowId, sessionId: summary.sessionId)]
  }

  /// `y` on a detail: the call's session id (an SMS notification's identifier) to the
  /// terminal's clipboard when it takes OSC 52, otherwise shown whole in the message line to be
  /// selected with the mouse.
  static func copySession(_ state: inout AppState) {
    let l = state.language
    let copied: (id: String, name: String)?
    switch state.page {
    case .callDetail: copied = state.detail.map { ($0.call.sessionId, l.pick("session id", "sessionId")) }
    case .smsDetail: copied = state.smsDetail.map { ($0.notification.smsIdentifier, "smsIdentifier") }
    default: copied = nil
    }
    guard let (id, name) = copied else { return }
    if state.clipboardAvailable {
      state.clipboardRequest = id
      state.message = l.pick("\(name) copied to the clipboard", "\(name) 已复制到剪贴板")
    } else {
      // The id as the screen shows it: with numbers masked unless revealed (m).
      let shown = state.masked ? PhoneNumber.maskAll(in: id) : id
      state.message =
        l.pick("\(name) (select to copy): ", "\(name)（请选取复制）：") + shown
        + (shown != id ? l.pick("  · m reveals its numbers", "  · 按 m 显示号码") : "")
    }
  }
}
