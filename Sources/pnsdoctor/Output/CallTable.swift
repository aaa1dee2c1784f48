import PNSDoctorCore

/// The call list as an aligned text table, numbers masked unless revealed, fitted to the
/// terminal as the TUI's list is (`CallColumn.fit`): when the columns do not fit, the least
/// useful go first (the result of a list of failed calls, session, ring and talk time, mode,
/// codes, X number), then the time's year, and the cause is cut only after them.
struct CallTable {
  let display: DisplayOptions
  let language: Language
  /// Columns to fit in; `nil` is unlimited (output to a pipe or a file, as `ls` does).
  var width: Int? = OutputWidth.current()

  /// The columns in the order printed; the ones to drop first are ranked in `CallColumn`.
  private static let order: [CallColumn] = [.time, .mode, .x, .caller, .callee, .result, .cause, .codes, .ring, .session]
  /// The narrowest a cut cause may become.
  private static let narrowestCause = 16

  private func cell(_ column: CallColumn, _ call: CallSummary, shortTime: Bool) -> String {
    let times = display.timeDisplay
    switch column {
    case .time: return call.startTime.map(shortTime ? times.formatShort : times.format) ?? "-"
    case .mode: return call.mode.rawValue
    case .x: return display.show(number: call.privacyNumber)
    case .caller: return display.show(number: call.caller)
    case .callee: return display.show(number: call.callee)
    case .result: return Wording.outcome(call.outcome, in: language)
    case .cause:
      return call.diagnosis?.cause.map {
        TerminalSanitizer.sanitize("\(Wording.confidence($0.confidence)) \($0.ruleId)", limit: 60)
      } ?? "-"
    // A code field can hold anything, a phone number too: shown as text is.
    case .codes: return display.show(text: call.failureCodes.map { "\($0.label)=\($0.code)" }.joined(separator: " "))
    case .ring: return "\(Self.seconds(call.ringSeconds))/\(Self.seconds(call.talkSeconds))"
    case .session: return display.show(text: call.sessionId, limit: 80)
    }
  }

  /// - Parameter matching: how many calls the query matched, when more than `calls` holds (a
  ///   `--limit` cut the list).
  func render(
    _ calls: [CallSummary], counts: StoreCounts, failedOnly: Bool, matching: Int? = nil, limit: Int? = nil
  ) -> String {
    let l = language
    var output = ""
    if calls.isEmpty {
      output += l.pick("no calls match", "没有符合条件的呼叫") + "\n"
    } else {
      output += table(calls, failedOnly: failedOnly)
    }
    var footer: [String] = []
    if let matching, matching > calls.count, let limit {
      footer.append(
        l.pick(
          "showing \(calls.count) of \(matching) matching (--limit \(limit))",
          "显示 \(calls.count) / 共 \(matching) 通符合条件（--limit \(limit)）"))
    } else {
      footer.append(l.pick("\(calls.count) shown", "显示 \(calls.count) 通"))
    }
    footer.append(
      l.pick(
        "\(counts.failedCalls) failed of \(counts.calls) calls · \(counts.smsNotifications) SMS",
        "失败 \(counts.failedCalls) / 共 \(counts.calls) 通 · 短信 \(counts.smsNotifications) 条"))
    if let zone = calls.first?.startTime.map(display.timeDisplay.offsetLabel(at:)), !zone.isEmpty {
      footer.append(l.pick("times in \(zone)", "时间为 \(zone)"))
    }
    if !display.reveal { footer.append(l.pick("numbers masked (--reveal)", "号码已脱敏（--reveal 显示）")) }
    return output + footer.joined(separator: " · ") + "\n"
  }

  private func table(_ calls: [CallSummary], failedOnly: Bool) -> String {
    func natural(_ column: CallColumn, shortTime: Bool) -> Int {
      calls.reduce(DisplayWidth.of(column.header(in: language))) {
        max($0, DisplayWidth.of(cell(column, $1, shortTime: shortTime)))
      }
    }
    let widths = Dictionary(uniqueKeysWithValues: Self.order.map { ($0, natural($0, shortTime: false)) })
    let (kept, shortTime) = CallColumn.fit(
      Self.order, natural: widths, width: width, gap: 2, failedOnly: failedOnly,
      shortTime: natural(.time, shortTime: true), narrowestCause: Self.narrowestCause)
    let rows = [kept.map { $0.0.header(in: language) }] + calls.map { call in kept.map { cell($0.0, call, shortTime: shortTime) } }
    var output = ""
    for row in rows {
      let cells = row.enumerated().map { index, text in
        // The last column is not padded, unless it is a cut cause.
        index == row.count - 1 && kept[index].0 != .cause ? text : DisplayWidth.fit(text, width: kept[index].1)
      }
      output += fit(cells.joined(separator: "  ").trimmingTrailingSpaces()) + "\n"
    }
    return output
  }

  /// A line cut to the width, if there is one.
  private func fit(_ line: String) -> String {
    guard let width, DisplayWidth.of(line) > width else { return line }
    return DisplayWidth.fit(line, width: width).trimmingTrailingSpaces()
  }

  private static func seconds(_ value: Double?) -> String {
    guard let value else { return "-" }
    return "\(Int(value.rounded()))s"
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
