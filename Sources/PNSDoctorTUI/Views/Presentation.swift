import PNSDoctorCore

/// Small formatting shared by the views.
enum Presentation {
  static func number(_ number: String?, _ state: AppState) -> String {
    guard let number, !number.isEmpty else { return "-" }
    return state.masked ? PhoneNumber.mask(number) : number
  }

  /// Text that may hold numbers (a session id, a description, a message quoting a field), with
  /// them masked while the screen masks numbers.
  static func text(_ text: String, _ state: AppState) -> String {
    state.masked ? PhoneNumber.maskAll(in: text) : text
  }

  static func seconds(_ value: Double?) -> String {
    guard let value else { return "-" }
    return "\(Int(value.rounded()))s"
  }

  static func outcome(_ outcome: CallOutcome, _ language: Language) -> (String, Role) {
    let role: Role
    switch outcome {
    case .answered: role = .success
    case .failed: role = .failure
    case .inProgress: role = .warning
    }
    return (Wording.outcome(outcome, in: language), role)
  }

  static func verdict(_ verdict: Verdict, _ language: Language) -> (String, Role) {
    let role: Role
    switch verdict {
    case .ok: role = .success
    case .failed: role = .failure
    case .unknown: role = .warning
    case .pending: role = .muted
    }
    return (Wording.verdict(verdict, in: language), role)
  }

  /// The call's stored top cause (the rule's title and confidence), else its main failure code
  /// and the code's meaning, for the list's cause column.
  static func mainCause(_ call: CallSummary, _ knowledge: KnowledgeBase, _ state: AppState) -> String {
    let language = state.language
    if let cause = call.diagnosis?.cause {
      let title = knowledge.rule(id: cause.ruleId)?.title.text(in: language) ?? cause.ruleId
      // Right-aligned, so that 100% does not shift the title.
      let confidence = Wording.confidence(cause.confidence)
      return String(repeating: " ", count: max(0, 4 - confidence.count)) + confidence + " " + title
    }
    let candidates: [(CodeField, Int?)] = [
      (.ulFailReason, call.releasePoint), (.stateCode, call.stateCode), (.fwdUnaswRsn, call.q850Cause),
      (.sipStatusCode, call.sipStatus),
    ]
    for (field, code) in candidates {
      guard let code, code != 0 else { continue }
      let meaning = knowledge.meaning(of: code, in: field)?.meaning.text(in: language) ?? ""
      // A code field can hold anything, a phone number too: shown as text is.
      return "\(text(String(code), state)) \(meaning)"
    }
    return ""
  }

  /// Draws the visible rows of a list from row 2 down: each loaded row as columns (the selected
  /// one highlighted), a row not loaded yet as `…`.
  static func drawRows<Row>(
    _ list: ListState<Row>, visibleRows: Int, widths: [Int], on screen: inout ScreenBuffer,
    cells: (Row) -> [(String, Role)]
  ) {
    for row in 0..<visibleRows {
      let position = list.top + row
      guard position < list.total else { break }
      let y = 2 + row
      guard let item = list.row(at: position) else {
        screen.put("…", x: 0, y: y, role: .muted)
        continue
      }
      columns(cells(item), widths: widths, y: y, on: &screen)
      if position == list.selected { screen.paint(row: y, role: .selected) }
    }
  }

  /// Draws one row of columns of the given widths, one space apart.
  static func columns(_ cells: [(String, Role)], widths: [Int], y: Int, on screen: inout ScreenBuffer) {
    var x = 0
    for (index, cell) in cells.enumerated() {
      // A width of 0 (or a column past the list) takes the rest of the row.
      let width = index < widths.count && widths[index] > 0 ? widths[index] : screen.width - x
      guard width > 0, x < screen.width else { break }
      screen.put(cell.0, x: x, y: y, role: cell.1, maxWidth: min(width, screen.width - x))
      x += width + 1
    }
  }
}
