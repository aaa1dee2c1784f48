import PNSDoctorCore

/// Failed calls by main cause, and a histogram of failures per hour drawn with block characters,
/// so that a spike is seen rather than read.
struct StatsView {
  let knowledge: KnowledgeBase

  func draw(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    guard let statistics = state.statistics else {
      screen.put(l.pick("loading…", "加载中…"), x: 1, y: 2, role: .muted)
      return
    }
    let chartRows = max(3, (screen.height - 4) / 3)
    // The causes, then the receiver's lines, then the chart; the causes keep at least 3 rows
    // (the receiver's lines give way first on a short screen).
    let allReceiverLines = StatsReceiverLines.lines(statistics, state)
    let receiverLines = allReceiverLines.prefix(max(1, min(allReceiverLines.count, screen.height - 4 - chartRows - 5)))
    let tableRows = screen.height - 3 - chartRows - 3 - receiverLines.count
    screen.put(l.pick("FAILED CALLS BY CAUSE", "失败呼叫（按原因）"), x: 0, y: 1, role: .heading)
    let largest = statistics.byCause.first?.count ?? 1
    // The causes scroll: the selected one stays in view.
    // A line under them says there are more, when they do not all fit.
    let shown = max(1, statistics.byCause.count > tableRows ? tableRows - 1 : tableRows)
    let top = min(max(0, state.statsSelected - shown + 1), max(0, statistics.byCause.count - shown))
    for (offset, entry) in statistics.byCause.dropFirst(top).prefix(shown).enumerated() {
      let index = top + offset
      let y = 2 + offset
      let bar = String(repeating: "█", count: max(1, entry.count * 12 / max(1, largest)))
      let title =
        entry.ruleId.map { knowledge.rule(id: $0)?.title.text(in: l) ?? $0 }
        ?? l.pick("(no rule explains it)", "（无规则可解释）")
      var x = screen.put(
        String(entry.count).padding(toLength: 8, withPad: " ", startingAt: 0), x: 0, y: y, role: .normal)
      x += screen.put(bar.padding(toLength: 13, withPad: " ", startingAt: 0), x: x, y: y, role: .failure)
      screen.put(title + (entry.ruleId.map { "  (\($0))" } ?? ""), x: x, y: y, role: .normal)
      if index == state.statsSelected && state.statsFocus == .causes { screen.paint(row: y, role: .selected) }
    }
    if statistics.byCause.count > shown {
      screen.put(
        l.pick(
          "\(statistics.byCause.count) causes · ↑/↓ to scroll · Enter lists its calls",
          "共 \(statistics.byCause.count) 个原因 · ↑/↓ 滚动 · Enter 列出相关呼叫"),
        x: 0, y: 2 + shown, role: .muted)
    }
    if statistics.byCause.isEmpty { screen.put(l.pick("no failed calls", "没有失败的呼叫"), x: 1, y: 2, role: .muted) }
    // Delivery apart from the causes: the live receiver's day, and how CDR pushes were acknowledged.
    for (offset, line) in receiverLines.enumerated() {
      screen.put(line.text, x: 0, y: 2 + tableRows + offset, role: line.role)
    }
    let chartTop = screen.height - 2 - chartRows - 1
    screen.put(
      l.pick("FAILURES PER HOUR (last 48 hours of data)", "每小时失败数（数据中最近 48 小时）"), x: 0, y: chartTop - 1, role: .heading)
    // The chart starts where the data does, not with the empty hours before it.
    let hours = StatsHours.shown(statistics, width: screen.width)
    let peak = max(1, hours.map(\.failed).max() ?? 1)
    let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    for (index, hour) in hours.enumerated() {
      let eighths = hour.failed * chartRows * 8 / peak
      for row in 0..<chartRows {
        let level = min(8, max(0, eighths - (chartRows - 1 - row) * 8))
        screen.put(blocks[level], x: index * 2, y: chartTop + row, role: .failure)
      }
    }
    if state.statsFocus == .hours, hours.indices.contains(state.statsHour) {
      // The selected hour: its bar highlighted, and what Enter will list.
      let hour = hours[state.statsHour]
      for row in 0..<chartRows { screen.paint(row: chartTop + row, from: state.statsHour * 2, width: 1, role: .selected) }
      screen.put(
        state.timeDisplay.formatShort(hour.hourStart) + " · "
          + l.pick(
            "\(hour.failed) failed of \(hour.total) · Enter lists them · ↑/↓ back to causes",
            "失败 \(hour.failed) / 共 \(hour.total) · Enter 列出 · ↑/↓ 回到原因"),
        x: 0, y: chartTop + chartRows, role: .key)
    } else if let first = hours.first, let last = hours.last {
      let label =
        "\(state.timeDisplay.formatShort(first.hourStart)) … \(state.timeDisplay.formatShort(last.hourStart)) · "
        + l.pick("peak \(peak)/h · ←/→ choose an hour", "峰值 \(peak)/小时 · ←/→ 选择小时")
      screen.put(label, x: 0, y: chartTop + chartRows, role: .muted)
    }
  }
}
