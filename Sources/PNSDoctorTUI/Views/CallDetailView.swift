import PNSDoctorCore

/// One call's story: a summary, the ranked findings, the timeline of its events with the time
/// between them, its CDR fields decoded, and the raw JSON on demand (`v`).
struct CallDetailView {
  let knowledge: KnowledgeBase

  func lines(_ state: AppState) -> [StyledLine] {
    let l = state.language
    guard let detail = state.detail else { return [StyledLine(l.pick("loading…", "加载中…"), .muted)] }
    let call = detail.call
    if state.showRaw { return rawLines(detail, state) }
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
            "stateCode \(Presentation.text(String(code), state)) "
              + (knowledge.meaning(of: code, in: .stateCode)?.meaning.text(in: l) ?? ""),
            code == 0 ? .success : .failure
          ))
      }
      if event.eventType == .collectInfo {
        pieces.append(
          (
            l.pick("digits: ", "分机号：")
              + ((event.collectedDigits ?? "").isEmpty ? "-" : Presentation.text(event.collectedDigits ?? "", state)),
            .normal
          ))
      }
      lines.append(StyledLine(pieces))
      previous = event.timestamp ?? previous
    }
    if call.events.isEmpty { lines.append(StyledLine(l.pick("  no call events received", "  未收到呼叫事件"), .muted)) }
    lines += [.blank] + recordLines(call, state) + [.blank] + relatedLines(detail, state)
    return lines
  }

  /// The messages as pushed, in time order, each under a header: its type, time, deliveries
  /// and where it was read.
  private func rawLines(_ detail: CallDetailState, _ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [
      StyledLine(l.pick("RAW JSON, in time order (v to hide)", "原始 JSON，按时间顺序（按 v 隐藏）"), .heading)
    ]
    for (index, raw) in detail.rawMessages.enumerated() {
      var header = "\(index + 1). " + kindName(raw.kind, l) + "  " + (raw.time.map(state.timeDisplay.format) ?? "-")
      header += "  " + l.pick(raw.deliveries == 1 ? "delivered once" : "delivered \(raw.deliveries) times", "推送 \(raw.deliveries) 次")
      if let source = raw.sourceName {
        header += "  " + Presentation.text(TerminalSanitizer.sanitize(source, limit: 80), state) + ":\(raw.line)"
      }
      lines.append(StyledLine(header, .key))
      // Pretty-printed when the call was opened.
      for text in raw.json.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(StyledLine("  " + Presentation.text(String(text), state)))
      }
      lines.append(.blank)
    }
    return lines
  }

  private func kindName(_ kind: Message.Kind, _ l: Language) -> String {
    switch kind {
    case .callEvent: return l.pick("call event", "呼叫事件")
    case .detailRecord: return l.pick("CDR", "话单")
    case .sms: return l.pick("SMS notification", "短信通知")
    case .apiResponse: return l.pick("API response", "接口响应")
    }
  }

  /// Calls with the same caller, callee or X number within an hour, numbered for 1–9.
  private func relatedLines(_ detail: CallDetailState, _ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [StyledLine(l.pick("RELATED (1-9 opens, Esc comes back)", "相关呼叫（按 1-9 打开，Esc 返回）"), .heading)]
    if detail.related.isEmpty {
      lines.append(
        StyledLine(l.pick("  no call with the same numbers within an hour", "  一小时内没有号码相同的呼叫"), .muted))
    }
    for (index, entry) in detail.related.enumerated() {
      let call = entry.summary
      var shared: [String] = []
      if entry.sharesCaller { shared.append(l.pick("caller", "主叫")) }
      if entry.sharesCallee { shared.append(l.pick("callee", "被叫")) }
      if entry.sharesPrivacyNumber { shared.append("X") }
      let offset = entry.offsetSeconds.map { seconds -> String in
        let minutes = Int((abs(seconds) / 60).rounded())
        let amount = minutes == 0 ? "\(Int(abs(seconds).rounded()))s" : "\(minutes)m"
        return seconds < 0 ? l.pick("\(amount) before", "早 \(amount)") : l.pick("\(amount) after", "晚 \(amount)")
      } ?? "-"
      let (outcome, role) = Presentation.outcome(call.outcome, l)
      let cause = Presentation.mainCause(call, knowledge, state)
      lines.append(
        FindingLines.hanging(
          [
            ("  \(index + 1)  ", .key), (offset.padding(toLength: 11, withPad: " ", startingAt: 0), .muted),
            (DisplayWidth.fit(outcome, width: 9) + " ", role),
            (DisplayWidth.fit(l.pick("same ", "相同：") + shared.joined(separator: "/"), width: 20) + " ", .muted),
            ("\(Presentation.number(call.caller, state)) → \(Presentation.number(call.callee, state))  ", .normal),
            (cause.isEmpty ? "" : cause, .normal),
          ], under: 5))
    }
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
        FindingLines.hanging(
          [
            ("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0), .key),
            ("\(Presentation.text(String(value), state))  ", value == 0 ? .success : .failure), (meaning, .normal),
          ], under: 18))
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
      ("subscriptionId", Presentation.text(record.subscriptionId ?? "-", state)),
      ("hostName", Presentation.text(record.hostName ?? "-", state)),
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
