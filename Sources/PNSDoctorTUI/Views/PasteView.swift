import PNSDoctorCore

/// The paste page: an input box with what was pasted or typed, and under it the diagnosis, or
/// the problems found with their line and column.
struct PasteView {
  func draw(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    let boxRows = max(3, (screen.height - 4) / 3)
    screen.put(
      l.pick(
        "PASTE a CDR, event, SMS notification, API error, log line or HTTP dump", "粘贴话单、呼叫事件、短信通知、接口错误、日志或 HTTP 报文"),
      x: 0, y: 1, role: .heading)
    let textLines = state.paste.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let shown = textLines.suffix(boxRows)
    for (index, line) in shown.enumerated() {
      screen.put("│ " + (state.masked ? PhoneNumber.maskAll(in: line) : line), x: 0, y: 2 + index, role: .normal)
    }
    if state.paste.text.isEmpty {
      screen.put("│ " + l.pick("(empty: paste now)", "（空：请粘贴）"), x: 0, y: 2, role: .muted)
    }
    let resultTop = 3 + boxRows
    screen.fill(row: resultTop - 1, with: "─")
    guard state.paste.diagnosed else { return }
    var lines: [StyledLine] = []
    for issue in state.paste.issues {
      lines.append(StyledLine(Presentation.text(issue.message(in: l), state), .failure))
    }
    for result in state.paste.results {
      let (verdict, role) = Presentation.verdict(result.diagnosis.verdict, l)
      lines.append(
        StyledLine([
          (verdict.uppercased(), role),
          ("  \(result.diagnosis.kind.rawValue) " + Presentation.text(result.diagnosis.id, state), .muted),
        ]))
      lines += FindingLines.lines(result.diagnosis, state)
    }
    if state.paste.results.isEmpty && state.paste.issues.isEmpty {
      lines.append(StyledLine(l.pick("Nothing to diagnose in this text.", "这段文字中没有可诊断的内容。"), .muted))
    }
    if state.paste.saved { lines.append(StyledLine(l.pick("saved to the store", "已保存到存储"), .success)) }
    screen.drawPage(lines, top: resultTop, rows: screen.height - 2 - resultTop, scroll: state.pageScroll)
  }
}
