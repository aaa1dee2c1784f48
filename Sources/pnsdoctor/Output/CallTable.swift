import PNSDoctorCore

/// The call list as an aligned text table, numbers masked unless revealed, fitted to the
/// terminal: when the columns do not fit, the least useful go first (the result of a list of
/// failed calls, session, codes, talk and ring time, mode, X number), then the time's year, and
/// the cause is cut only after them.
struct CallTable {
  let display: DisplayOptions
  let language: Language
  /// Columns to fit in; `nil` is unlimited (output to a pipe or a file, as `ls` does).
  var width: Int? = OutputWidth.current()

  /// One column: its header, and its rank among the columns to drop (higher goes first; 0
  /// never goes).
  private struct Column {
    var header: String
    var dropRank: Int
    var cell: (CallSummary) -> String
  }

  /// The cause column's index (the one cut, never dropped, and only once the others are gone).
  private static let causeColumn = 6
  /// The narrowest a cut cause may become.
  private static let narrowestCause = 16

  /// - Parameter failedOnly: the list holds failed calls only, so their result says nothing and
  ///   is the first column to go.
  private func columns(failedOnly: Bool) -> [Column] {
    let l = language
    let times = display.timeDisplay
    return [
      Column(header: l.pick("TIME", "时间"), dropRank: 0) { $0.startTime.map(times.format) ?? "-" },
      Column(header: l.pick("MODE", "模式"), dropRank: 3) { $0.mode.rawValue },
      Column(header: l.pick("X NUMBER", "隐私号"), dropRank: 2) { display.show(number: $0.privacyNumber) },
      Column(header: l.pick("CALLER", "主叫"), dropRank: 0) { display.show(number: $0.caller) },
      Column(header: l.pick("CALLEE", "被叫"), dropRank: 0) { display.show(number: $0.callee) },
      Column(header: l.pick("RESULT", "结果"), dropRank: failedOnly ? 8 : 0) { Wording.outcome($0.outcome, in: l) },
      Column(header: l.pick("CAUSE", "原因"), dropRank: 0) { call in
        call.diagnosis?.cause.map {
          TerminalSanitizer.sanitize("\(Wording.confidence($0.confidence)) \($0.ruleId)", limit: 60)
        } ?? "-"
      },
      Column(header: l.pick("CODES", "原因码"), dropRank: 6) {
        $0.failureCodes.map { "\($0.label)=\($0.code)" }.joined(separator: " ")
      },
      Column(header: l.pick("RING", "振铃"), dropRank: 4) { Self.seconds($0.ringSeconds) },
      Column(header: l.pick("TALK", "通话"), dropRank: 5) { Self.seconds($0.talkSeconds) },
      Column(header: "SESSION", dropRank: 7) { display.show(text: $0.sessionId, limit: 80) },
    ]
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
    var kept = columns(failedOnly: failedOnly)
    var rows = [kept.map(\.header)] + calls.map { call in kept.map { $0.cell(call) } }
    var widths = kept.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    var causeIndex: Int? = Self.causeColumn
    func total() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
    if let width {
      // Drop the least useful columns while the table is too wide.
      while total() > width, let drop = kept.indices.filter({ kept[$0].dropRank > 0 }).max(by: {
        kept[$0].dropRank < kept[$1].dropRank
      }) {
        kept.remove(at: drop)
        widths.remove(at: drop)
        rows = rows.map { row in var row = row; row.remove(at: drop); return row }
        if let index = causeIndex, drop < index { causeIndex = index - 1 }
      }
      // Then the time without its year (the footer's zone still says which),
      if total() > width {
        let times = display.timeDisplay
        for (index, call) in calls.enumerated() { rows[index + 1][0] = call.startTime.map(times.formatShort) ?? "-" }
        widths[0] = rows.map { DisplayWidth.of($0[0]) }.max() ?? 0
      }
      // and only then cut the cause, down to a width that still says something.
      if let index = causeIndex, total() > width {
        widths[index] = max(Self.narrowestCause, widths[index] - (total() - width))
      }
    }
    var output = ""
    for row in rows {
      let cells = row.enumerated().map { index, cell in
        index == row.count - 1 && index != causeIndex ? cell : DisplayWidth.fit(cell, width: widths[index])
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
