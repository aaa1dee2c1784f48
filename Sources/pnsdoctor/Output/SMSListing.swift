import PNSDoctorCore

/// The SMS notification list: an aligned table for people (numbers masked unless revealed,
/// each send result with its meaning), or JSON for scripts.
struct SMSListing {
  let display: DisplayOptions
  let language: Language
  let knowledge: KnowledgeBase

  func table(_ rows: [SMSSummary], total: Int, limit: Int) -> String {
    let l = language
    let times = display.timeDisplay
    var output = ""
    if rows.isEmpty {
      output += l.pick("no SMS notifications match", "没有符合条件的短信通知") + "\n"
    } else {
      var lines = [
        [
          l.pick("TIME", "时间"), l.pick("X NUMBER", "隐私号"), l.pick("FROM", "发送方"), l.pick("TO", "接收方"),
          l.pick("RESULT", "结果"), "SMS ID",
        ]
      ]
      for sms in rows {
        let result = sms.sendResult.map { code in
          let meaning = knowledge.meaning(of: code, in: .sendResult)?.meaning.text(in: l) ?? ""
          return TerminalSanitizer.sanitize("\(code) \(meaning)", limit: 60)
        } ?? "-"
        lines.append([
          sms.time.map(times.format) ?? "-", display.show(number: sms.virtualNumber), display.show(number: sms.calling),
          display.show(number: sms.called), result, display.show(text: sms.smsIdentifier, limit: 80),
        ])
      }
      let widths = lines[0].indices.map { column in lines.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
      for line in lines {
        let cells = line.enumerated().map { index, cell in
          index == line.count - 1 ? cell : DisplayWidth.fit(cell, width: widths[index])
        }
        output += cells.joined(separator: "  ") + "\n"
      }
    }
    output +=
      total > rows.count
      ? l.pick(
        "showing \(rows.count) of \(total) matching (--limit \(limit))", "显示 \(rows.count) / 共 \(total) 条符合条件（--limit \(limit)）")
      : l.pick("\(rows.count) shown", "显示 \(rows.count) 条")
    if !display.reveal { output += l.pick(" · numbers masked (--reveal)", " · 号码已脱敏（--reveal 显示）") }
    return output + "\n"
  }

  private struct Entry: Encodable {
    var smsIdentifier: String
    var mode: String?
    var time: String?
    var calling: String?
    var called: String?
    var virtualNumber: String?
    var sendResult: Int?
    var deliveries: Int
  }

  static func json(_ rows: [SMSSummary], masked: Bool) -> String {
    func number(_ text: String?) -> String? { masked ? text.map(PhoneNumber.mask) : text }
    let entries = rows.map { sms in
      Entry(
        smsIdentifier: masked ? PhoneNumber.maskAll(in: sms.smsIdentifier) : sms.smsIdentifier,
        mode: sms.mode.map { "\($0)" },
        time: JSONText.isoTime(sms.time),
        calling: number(sms.calling), called: number(sms.called), virtualNumber: number(sms.virtualNumber),
        sendResult: sms.sendResult, deliveries: sms.deliveries)
    }
    return JSONText.encode(entries)
  }
}
