import PNSDoctorCore

/// The call list as an aligned text table, numbers masked unless revealed.
struct CallTable {
  let display: DisplayOptions
  let language: Language

  func render(_ calls: [CallSummary], counts: StoreCounts, failedOnly: Bool) -> String {
    let l = language
    let times = display.timeDisplay
    var output = ""
    if calls.isEmpty {
      output += l.pick("no calls match", "没有符合条件的呼叫") + "\n"
    } else {
      let headers = [
        l.pick("TIME", "时间"), l.pick("MODE", "模式"), l.pick("X NUMBER", "隐私号"), l.pick("CALLER", "主叫"),
        l.pick("CALLEE", "被叫"), l.pick("RESULT", "结果"), l.pick("CAUSE", "原因"), l.pick("CODES", "原因码"),
        l.pick("RING", "振铃"),
        l.pick("TALK", "通话"), "SESSION",
      ]
      var rows = [headers]
      for call in calls {
        rows.append([
          call.startTime.map(times.format) ?? "-",
          call.mode.rawValue,
          display.show(number: call.privacyNumber),
          display.show(number: call.caller),
          display.show(number: call.callee),
          outcomeText(call.outcome),
          call.diagnosis?.cause.map {
            TerminalSanitizer.sanitize("\($0.ruleId) \(Int(($0.confidence * 100).rounded()))%", limit: 60)
          } ?? "-",
          call.failureCodes.map { "\($0.label)=\($0.code)" }.joined(separator: " "),
          seconds(call.ringSeconds),
          seconds(call.talkSeconds),
          display.show(text: call.sessionId, limit: 80),
        ])
      }
      let widths = headers.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
      for row in rows {
        let cells = row.enumerated().map { index, cell in
          index == row.count - 1 ? cell : DisplayWidth.fit(cell, width: widths[index])
        }
        output += cells.joined(separator: "  ") + "\n"
      }
    }
    let zone = calls.first?.startTime.map(times.offsetLabel(at:)) ?? ""
    output += l.pick(
      "\(calls.count) shown · \(counts.failedCalls) failed of \(counts.calls) calls · \(counts.smsNotifications) SMS",
      "显示 \(calls.count) 通 · 失败 \(counts.failedCalls) / 共 \(counts.calls) 通 · 短信 \(counts.smsNotifications) 条")
    if !zone.isEmpty { output += l.pick(" · times in \(zone)", " · 时间为 \(zone)") }
    if !display.reveal { output += l.pick(" · numbers masked (--reveal)", " · 号码已脱敏（--reveal 显示）") }
    return output + "\n"
  }

  private func outcomeText(_ outcome: CallOutcome) -> String {
    switch outcome {
    case .answered: return language.pick("answered", "已接通")
    case .failed: return language.pick("failed", "失败")
    case .inProgress: return language.pick("in progress", "进行中")
    }
  }

  private func seconds(_ value: Double?) -> String {
    guard let value else { return "-" }
    return "\(Int(value.rounded()))s"
  }
}
