import PNSDoctorCore

/// The call list: time, mode, X, caller, callee, result, ring/talk time and the main cause.
/// Narrow terminals drop the X number and the ring/talk column before the cause.
struct CallListView {
  let knowledge: KnowledgeBase

  private enum Column {
    case time, shortTime, mode, privacyNumber, caller, callee, result, ringTalk, cause
  }

  private func layout(_ width: Int) -> [(Column, Int)] {
    if width >= 130 {
      return [
        (.time, 19), (.mode, 5), (.privacyNumber, 14), (.caller, 14), (.callee, 14), (.result, 8), (.ringTalk, 9),
        (.cause, 0),
      ]
    }
    if width >= 100 {
      return [
        (.shortTime, 14), (.mode, 5), (.privacyNumber, 14), (.caller, 14), (.callee, 14), (.result, 8), (.ringTalk, 9),
        (.cause, 0),
      ]
    }
    return [(.shortTime, 14), (.mode, 5), (.caller, 14), (.callee, 14), (.result, 8), (.cause, 0)]
  }

  func draw(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    let columns = layout(screen.width)
    let widths = columns.map(\.1)
    Presentation.columns(columns.map { (heading($0.0, l), Role.heading) }, widths: widths, y: 1, on: &screen)
    if state.calls.total == 0 {
      let text =
        state.calls.loading
        ? l.pick("loading…", "加载中…")
        : state.filter.isEmpty
          ? l.pick(
            "No calls here. Import pushes with `pnsdoctor import`, or press f to show all.",
            "这里没有呼叫。请用 `pnsdoctor import` 导入推送，或按 f 显示全部。")
          : l.pick("No call matches the filter.", "没有符合筛选条件的呼叫。")
      screen.put(text, x: 1, y: 3, role: .muted)
      return
    }
    Presentation.drawRows(state.calls, visibleRows: state.visibleRows, widths: widths, on: &screen) { call in
      columns.map { cell($0.0, call, state) }
    }
  }

  private func heading(_ column: Column, _ l: Language) -> String {
    switch column {
    case .time, .shortTime: return l.pick("TIME", "时间")
    case .mode: return l.pick("MODE", "模式")
    case .privacyNumber: return l.pick("X NUMBER", "隐私号")
    case .caller: return l.pick("CALLER", "主叫")
    case .callee: return l.pick("CALLEE", "被叫")
    case .result: return l.pick("RESULT", "结果")
    case .ringTalk: return l.pick("RING/TALK", "振铃/通话")
    case .cause: return l.pick("CAUSE", "原因")
    }
  }

  private func cell(_ column: Column, _ call: CallSummary, _ state: AppState) -> (String, Role) {
    // A call that just arrived (another process imported it) is marked for a few seconds.
    let timeRole: Role = state.freshRowIds.contains(call.rowId) ? .warning : .normal
    switch column {
    case .time: return (call.startTime.map(state.timeDisplay.format) ?? "-", timeRole)
    case .shortTime: return (call.startTime.map(state.timeDisplay.formatShort) ?? "-", timeRole)
    case .mode: return (call.mode.rawValue, .normal)
    case .privacyNumber: return (Presentation.number(call.privacyNumber, state), .normal)
    case .caller: return (Presentation.number(call.caller, state), .normal)
    case .callee: return (Presentation.number(call.callee, state), .normal)
    case .result: return Presentation.outcome(call.outcome, state.language)
    case .ringTalk:
      return ("\(Presentation.seconds(call.ringSeconds))/\(Presentation.seconds(call.talkSeconds))", .muted)
    case .cause: return (Presentation.mainCause(call, knowledge, state.language), .normal)
    }
  }
}
