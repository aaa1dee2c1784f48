import PNSDoctorCore

/// One SMS notification: its fields, the result decoded, and the findings.
struct SMSDetailView {
  func lines(_ state: AppState) -> [StyledLine] {
    let l = state.language
    guard let detail = state.smsDetail else { return [StyledLine(l.pick("loading…", "加载中…"), .muted)] }
    if state.showRaw {
      return [StyledLine(l.pick("RAW JSON (v to hide)", "原始 JSON（按 v 隐藏）"), .heading)]
        + detail.rawMessage.split(separator: "\n").map {
          StyledLine(state.masked ? PhoneNumber.maskAll(in: String($0)) : String($0))
        }
    }
    let sms = detail.notification
    let (verdict, role) = Presentation.verdict(detail.diagnosis.verdict, l)
    var lines = [
      StyledLine([
        (verdict.uppercased(), role),
        (
          "  \(sms.mode?.wireName ?? "-") · \(sms.timestamp.map(state.timeDisplay.format) ?? "-")  "
            + Presentation.text(sms.smsIdentifier, state),
          .normal
        ),
      ]),
      StyledLine(
        "\(Presentation.number(sms.calling, state)) → X \(Presentation.number(sms.virtualNumber, state)) → \(Presentation.number(sms.called, state))"
      ),
      .blank,
    ]
    if let content = sms.content {
      lines.append(StyledLine(l.pick("text: ", "内容：") + (state.masked ? PhoneNumber.maskAll(in: content) : content)))
    }
    for parameter in sms.extensionParameters {
      lines.append(StyledLine("  \(parameter.key) = " + Presentation.text(parameter.value, state), .muted))
    }
    lines.append(.blank)
    return lines + FindingLines.lines(detail.diagnosis, state) + [
      StyledLine(l.pick("v: raw JSON", "v：原始 JSON"), .muted)
    ]
  }
}
