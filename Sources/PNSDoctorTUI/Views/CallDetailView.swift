import PNSDoctorCore

/// One call's story: a summary, the ranked findings, the timeline of its events with the time
/// between them, its CDR fields decoded, and the raw JSON on demand (`v`).
struct CallDetailView {
  let knowledge: KnowledgeBase

  func lines(_ state: AppState) -> [StyledLine] {
    let l = state.language
    guard let detail = state.detail else { return [StyledLine(l.pick("loading…", "加载中…"), .muted)] }
    let call = detail.call
    if state.showRaw {
      return [StyledLine(l.pick("RAW JSON (v to hide)", "原始 JSON（按 v 隐藏）"), .heading)]
        + detail.rawMessages.flatMap { raw in
          raw.split(separator: "\n", omittingEmptySubsequences: false).map {
            StyledLine(state.masked ? PhoneNumber.maskAll(in: String($0)) : String($0))
          } + [.blank]
        }
    }
    let (verdict, verdictRole) = Presentation.verdict(detail.diagnosis.verdict, l)
    var lines = [
      StyledLine([
        (verdict.uppercased(), verdictRole), ("  \(call.mode.rawValue) · ", .normal),
        (call.startTime.map(state.timeDisplay.format) ?? "-", .normal),
        ("  " + Presentation.text(call.sessionId, state), .muted),
      ]),
      StyledLine(
        "\(Presentation.number(call.caller, state)) → X \(Presentation.number(call.privacyNumber, state)) → \(Presentation.number(call.callee, state))"
      ),
    ]
    if let hangUp = hangUp(call, l) { lines.append(StyledLine(hangUp, .muted)) }
    // The why comes first; the evidence behind it follows.
    lines += [.blank] + FindingLines.lines(detail.diagnosis, state)
    lines += [StyledLine(l.pick("TIMELINE", "时间线"), .heading)]
    var previous: Timestamp?
    for event in call.events {
      let time = event.timestamp.map(state.timeDisplay.format) ?? "-"
      var gap = ""
      if let previous, let now = event.timestamp { gap = "+\(Int(previous.seconds(until: now).rounded()))s" }
      var pieces: [(text: String, role: Role)] = [
        ("  " + (event.eventType?.wireName ?? "?").padding(toLength: 12, withPad: " ", startingAt: 0), .key),
        (time + "  ", .normal), (gap.padding(toLength: 6, withPad: " ", startingAt: 0), .muted),
      ]
      if let code = event.stateCode {
        pieces.append(
          (
            "stateCode \(code) " + (knowledge.meaning(of: code, in: .stateCode)?.meaning.text(in: l) ?? ""),
            code == 0 ? .success : .failure
          ))
      }
      if event.eventType == .collectInfo {
        pieces.append(
          (
            l.pick("digits: ", "分机号：") + ((event.collectedDigits ?? "").isEmpty ? "-" : event.collectedDigits ?? ""),
            .normal
          ))
      }
      lines.append(StyledLine(pieces))
      previous = event.timestamp ?? previous
    }
    if call.events.isEmpty { lines.append(StyledLine(l.pick("  no call events received", "  未收到呼叫事件"), .muted)) }
    lines += [.blank] + recordLines(call, state) + [.blank]
    lines.append(StyledLine(l.pick("v: raw JSON", "v：原始 JSON"), .muted))
    return lines
  }

  private func hangUp(_ call: Call, _ l: Language) -> String? {
    let direction = call.event(.disconnect)?.callReleaseDirection ?? call.detailRecord?.callReleaseDirection
    switch direction {
    case 1: return l.pick("hung up by the caller", "主叫挂机")
    case 2: return l.pick("hung up by the callee", "被叫挂机")
    default: return nil
    }
  }

  private func recordLines(_ call: Call, _ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [StyledLine(l.pick("CDR", "话单"), .heading)]
    guard let record = call.detailRecord else {
      return lines + [StyledLine(l.pick("  no CDR received yet", "  尚未收到话单"), .muted)]
    }
    let codes: [(String, CodeField, Int?)] = [
      ("ulFailReason", .ulFailReason, record.releasePoint),
      ("fwdUnaswRsn", .fwdUnaswRsn, record.forwardUnansweredReason),
      ("callOutUnaswRsn", .callOutUnaswRsn, record.callOutUnansweredReason),
      ("sipStatusCode", .sipStatusCode, record.sipStatusCode),
    ]
    for (name, field, value) in codes {
      guard let value else { continue }
      let meaning =
        knowledge.meaning(of: value, in: field)?.meaning.text(in: l) ?? l.pick("not in the code table", "不在码表中")
      lines.append(
        StyledLine([
          ("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0), .key),
          ("\(value)  ", value == 0 ? .success : .failure), (meaning, .normal),
        ]))
    }
    let times: [(String, Timestamp?)] = [
      ("callInTime", record.callInTime), ("fwdStartTime", record.forwardStartTime),
      ("fwdAlertingTime", record.forwardAlertingTime),
      ("fwdAnswerTime", record.forwardAnswerTime), ("callEndTime", record.callEndTime), ("failTime", record.failTime),
    ]
    for (name, time) in times {
      lines.append(
        StyledLine([
          ("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0), .key),
          (time.map(state.timeDisplay.format) ?? "-", time == nil ? .muted : .normal),
        ]))
    }
    var facts: [(String, String)] = [
      ("serviceType", record.serviceType ?? "-"),
      ("fwdDisplayNum", Presentation.number(record.forwardDisplayNumber, state)),
      ("subscriptionId", record.subscriptionId ?? "-"), ("hostName", record.hostName ?? "-"),
    ]
    if call.detailRecordDeliveries > 1 {
      facts.append((l.pick("deliveries", "推送次数"), "\(call.detailRecordDeliveries)"))
    }
    for (name, value) in facts {
      lines.append(
        StyledLine([("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0), .key), (value, .normal)]))
    }
    return lines
  }
}
