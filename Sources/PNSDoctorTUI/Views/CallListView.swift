import PNSDoctorCore

/// The call list. Its columns follow the width (`CallListLayout`): the cause, the column that
/// matters, keeps the width its text needs until the less useful columns are gone; the sort
/// column is marked in the heading; where a filter matched is highlighted, in masked numbers
/// too (the matched digits' places).
struct CallListView {
  let knowledge: KnowledgeBase

  /// Below this width the list is compact: numbers without `+86`, times without seconds
  /// (the detail shows both whole), so that the cause keeps its words at 80 columns.
  static let compactBelow = 100

  func draw(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    let visible = (0..<state.visibleRows).compactMap { state.calls.row(at: state.calls.top + $0) }
    // A compact list of calls of one day names the day once, in the heading.
    var state = state
    if state.width < Self.compactBelow {
      let days = Set(visible.map { $0.startTime.map { String(state.timeDisplay.formatShort($0).prefix(5)) } ?? "-" })
      state.compactDay = days.count == 1 ? days.first.flatMap { $0 == "-" ? nil : $0 } : nil
    }
    // Below the width that shows the session id, the year goes first: the codes say more.
    let yearShown = screen.width >= CallListLayout.sessionFrom
    var natural: [CallColumn: Int] = [:]
    for column in CallColumn.allCases {
      natural[column] = visible.reduce(DisplayWidth.of(heading(column, state))) {
        max($0, DisplayWidth.of(text(column, $1, state, shortTime: !yearShown)))
      }
    }
    let shortTime = visible.reduce(DisplayWidth.of(heading(.time, state))) {
      max($0, DisplayWidth.of(text(.time, $1, state, shortTime: true)))
    }
    natural[.session] = min(natural[.session] ?? 0, 40)
    let (columns, short) = CallListLayout.fit(
      width: screen.width, chosen: state.columns, failedOnly: state.failedOnly, natural: natural, shortTime: shortTime)
    let widths = columns.map(\.1)
    Presentation.columns(columns.map { (heading($0.0, state), Role.heading) }, widths: widths, y: 1, on: &screen)
    if state.calls.total == 0 {
      let filtered = !state.filter.isEmpty || state.numberFilter != nil || !state.timeSpan.isEmpty || state.causeFilter != nil
      let message =
        state.calls.loading
        ? l.pick("loading…", "加载中…")
        : filtered
          ? l.pick("No call matches the filters (Esc clears them).", "没有符合筛选条件的呼叫（Esc 清除筛选）。")
          : l.pick(
            "No calls here. Import pushes with `pnsdoctor import`, or press f to show all.",
            "这里没有呼叫。请用 `pnsdoctor import` 导入推送，或按 f 显示全部。")
      screen.put(message, x: 1, y: 3, role: .muted)
      return
    }
    let shortened = short || !yearShown
    Presentation.drawRows(state.calls, visibleRows: state.visibleRows, widths: widths, on: &screen) { call in
      columns.map { cell($0.0, call, state, shortTime: shortened) }
    }
    highlightMatches(&screen, state, columns: columns, shortTime: shortened)
  }

  private func heading(_ column: CallColumn, _ state: AppState) -> String {
    // The codes in their slash form, named once in the heading.
    let title =
      column == .codes
      ? state.language.pick("ST/REL/Q850/SIP", "挂/拆/Q850/SIP")
      : column == .time ? state.compactDay ?? column.header(in: state.language) : column.header(in: state.language)
    switch (column, state.sort) {
    case (.time, .newest): return title + " ▼"
    case (.time, .oldest): return title + " ▲"
    case (.ring, .longestRing): return title + " ▼"
    case (.mode, .mode): return title + " ▲"
    default: return title
    }
  }

  private func text(_ column: CallColumn, _ call: CallSummary, _ state: AppState, shortTime: Bool) -> String {
    let compact = state.width < Self.compactBelow
    switch column {
    case .time:
      guard let time = call.startTime else { return "-" }
      if compact {
        let short = state.timeDisplay.formatShort(time)
        return state.compactDay != nil ? String(short.dropFirst(6).dropLast(3)) : String(short.dropLast(3))
      }
      return shortTime ? state.timeDisplay.formatShort(time) : state.timeDisplay.format(time)
    case .mode: return call.mode.rawValue
    case .x: return number(call.privacyNumber, state)
    case .caller: return number(call.caller, state)
    case .callee: return number(call.callee, state)
    case .result: return Wording.outcome(call.outcome, in: state.language)
    case .ring: return "\(Presentation.seconds(call.ringSeconds))/\(Presentation.seconds(call.talkSeconds))"
    case .codes:
      // A code field can hold anything, a phone number too: shown as text is.
      return Presentation.text(
        [call.stateCode, call.releasePoint, call.q850Cause, call.sipStatus].map { $0.map(String.init) ?? "-" }
          .joined(separator: "/"), state)
    case .session: return Presentation.text(call.sessionId, state)
    case .cause: return Presentation.mainCause(call, knowledge, state)
    }
  }

  private func cell(_ column: CallColumn, _ call: CallSummary, _ state: AppState, shortTime: Bool) -> (String, Role) {
    let text = text(column, call, state, shortTime: shortTime)
    switch column {
    // A call that just arrived (another process imported it) is marked for a few seconds.
    case .time: return (text, state.freshRowIds.contains(call.rowId) ? .warning : .normal)
    case .result: return (text, Presentation.outcome(call.outcome, state.language).1)
    case .ring, .codes, .session: return (text, .muted)
    default: return (text, .normal)
    }
  }

  /// A number as the list shows it: masked unless revealed, and without `+86` when compact.
  private func number(_ number: String?, _ state: AppState) -> String {
    let shown = Presentation.number(number, state)
    return state.width < Self.compactBelow && shown.hasPrefix("+86") ? String(shown.dropFirst(3)) : shown
  }

  /// Marks where the filter matched: its digits in the numbers (found in the whole number, so
  /// a match in masked digits marks their places), its text in the other columns.
  private func highlightMatches(
    _ screen: inout ScreenBuffer, _ state: AppState, columns: [(CallColumn, Int)], shortTime: Bool
  ) {
    let digits = (state.numberFilter ?? state.filter).filter(\.isNumber)
    let words = state.filter.lowercased()
    guard digits.count >= CallQuery.shortestNumberFragment || !words.isEmpty else { return }
    for row in 0..<state.visibleRows {
      guard let call = state.calls.row(at: state.calls.top + row) else { continue }
      var x = 0
      for (column, width) in columns {
        let shown = text(column, call, state, shortTime: shortTime)
        var ranges: [Range<Int>] = []
        switch column {
        case .x, .caller, .callee:
          let number = column == .x ? call.privacyNumber : column == .caller ? call.caller : call.callee
          // Masking keeps every character in its place, so the whole number's offsets are
          // the shown text's.
          if let number, digits.count >= CallQuery.shortestNumberFragment {
            // A compact list drops the `+86` the whole number starts with.
            let dropped = max(0, number.count - shown.count)
            ranges = Self.occurrences(of: digits, in: number).compactMap { range in
              range.lowerBound >= dropped ? (range.lowerBound - dropped)..<(range.upperBound - dropped) : nil
            }
          }
        case .cause, .codes, .session:
          if !words.isEmpty, state.numberFilter == nil { ranges = Self.occurrences(of: words, in: shown.lowercased()) }
        default:
          break
        }
        for range in ranges {
          let start = DisplayWidth.of(String(shown.prefix(range.lowerBound)))
          let span = DisplayWidth.of(String(shown.dropFirst(range.lowerBound).prefix(range.count)))
          guard start < width else { continue }
          screen.paint(row: 2 + row, from: x + start, width: min(span, width - start), role: .match)
        }
        x += width + 1
      }
    }
  }

  /// Character offsets of each occurrence of `needle` in `text`.
  static func occurrences(of needle: String, in text: String) -> [Range<Int>] {
    let haystack = Array(text)
    let wanted = Array(needle)
    guard !wanted.isEmpty, wanted.count <= haystack.count else { return [] }
    var found: [Range<Int>] = []
    var start = 0
    while start + wanted.count <= haystack.count {
      if Array(haystack[start..<start + wanted.count]) == wanted {
        found.append(start..<start + wanted.count)
        start += wanted.count
      } else {
        start += 1
      }
    }
    return found
  }
}
