import PNSDoctorCore

/// The SMS list: time, mode, sender, receiver, X, result.
struct SMSListView {
  let knowledge: KnowledgeBase

  func draw(_ screen: inout ScreenBuffer, _ state: AppState) {
    let l = state.language
    let widths = [14, 6, 14, 14, 14, 0]
    Presentation.columns(
      [
        (l.pick("TIME", "时间"), .heading), (l.pick("MODE", "模式"), .heading), (l.pick("FROM", "发送方"), .heading),
        (l.pick("TO", "接收方"), .heading), (l.pick("X NUMBER", "隐私号"), .heading), (l.pick("RESULT", "结果"), .heading),
      ], widths: widths, y: 1, on: &screen)
    if state.sms.total == 0 {
      screen.put(
        state.sms.loading
          ? l.pick("loading…", "加载中…")
          : l.pick("No SMS notifications here; press f to show all.", "这里没有短信通知；按 f 显示全部。"),
        x: 1, y: 3, role: .muted)
      return
    }
    Presentation.drawRows(state.sms, visibleRows: state.visibleRows, widths: widths, on: &screen) { sms in
      let result: (String, Role)
      if let code = sms.sendResult {
        let meaning = knowledge.meaning(of: code, in: .sendResult)?.meaning.text(in: l) ?? ""
        result = ("\(code) \(meaning)", code == 0 ? .success : .failure)
      } else {
        result = ("-", .muted)
      }
      return [
        (sms.time.map(state.timeDisplay.formatShort) ?? "-", .normal), (sms.mode?.wireName ?? "-", .normal),
        (Presentation.number(sms.calling, state), .normal), (Presentation.number(sms.called, state), .normal),
        (Presentation.number(sms.virtualNumber, state), .normal), result,
      ]
    }
  }
}
