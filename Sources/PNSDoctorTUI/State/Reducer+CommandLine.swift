import PNSDoctorCore

/// Running a `:` command (see `LineCommand`): a word naming the command, or the start of one,
/// then its argument. A command that cannot run says why in the message line and changes nothing.
extension Reducer {
  static func runLine(_ text: String, _ state: inout AppState) -> [Effect] {
    let l = state.language
    let word = String(text.prefix { $0 != " " })
    let argument = String(text.dropFirst(word.count).drop { $0 == " " })
    let names = LineCommand.matching(word)
    guard names.count == 1, let name = names.first else {
      state.message =
        names.isEmpty
        ? l.pick("no command \(quoted(word)) (? lists them)", "没有命令 \(quoted(word))（按 ? 查看）")
        : l.pick("\(quoted(word)) could be ", "\(quoted(word)) 可能是 ") + names.map { ":" + $0.rawValue }.joined(separator: " ")
      return []
    }
    if LineCommand.all.first(where: { $0.name == name })?.argument != nil, argument.isEmpty, name != .columns {
      state.message = l.pick(":\(name.rawValue) needs an argument (? shows it)", ":\(name.rawValue) 需要参数（按 ? 查看）")
      return []
    }
    switch name {
    case .calls, .sms, .stats:
      state.pages = []
      state.tab = name == .calls ? .calls : name == .sms ? .sms : .stats
    case .cause:
      guard let rule = oneRule(argument, &state) else { return [] }
      state.causeFilter = rule
      state.failedOnly = true
      showCalls(&state)
    case .number:
      guard CallQuery.isNumberFilter(argument) else {
        state.message = l.pick(
          ":number takes 3 or more digits of a number, not \(quoted(argument))", ":number 需要至少 3 位号码数字，而不是 \(quoted(argument))")
        return []
      }
      state.numberFilter = argument
      showCalls(&state)
    case .since, .until:
      let now = Timestamp(millisecondsSince1970: Int64(state.now * 1000))
      guard let time = state.timeDisplay.parseUserTime(argument, now: now) else {
        state.message = l.pick(
          "\(quoted(argument)) is no time: use 30m, 2h, 7d, 2026-11-23 or 2026-11-23 14:00",
          "\(quoted(argument)) 不是时间：请用 30m、2h、7d、2026-11-23 或 2026-11-23 14:00")
        return []
      }
      if name == .since { state.timeSpan.since = time } else { state.timeSpan.until = time }
      state.timeSpan.label = [
        state.timeSpan.since.map { l.pick("since ", "自 ") + state.timeDisplay.formatShort($0) },
        state.timeSpan.until.map { l.pick("until ", "至 ") + state.timeDisplay.formatShort($0) },
      ].compactMap { $0 }.joined(separator: " ")
      showCalls(&state)
    case .filter:
      state.filter = argument
      state.pages = []
    case .sort:
      let orders: [String: CallSort] = ["newest": .newest, "oldest": .oldest, "ring": .longestRing, "mode": .mode]
      guard let order = orders[argument.lowercased()] else {
        state.message = l.pick(":sort takes newest, oldest, ring or mode", ":sort 可选 newest、oldest、ring、mode")
        return []
      }
      state.sort = order
      showCalls(&state)
    case .columns:
      return chooseColumns(argument, &state)
    case .failed, .all:
      state.failedOnly = name == .failed
      state.pages = []
    case .clear:
      clearFilters(&state)
      state.pages = []
    case .help:
      if state.page != .help { state.pages.append(.help) }
      state.pageScroll = 0
      return []
    case .quit:
      state.shouldQuit = true
      return []
    }
    return resetList(&state)
  }

  private static func chooseColumns(_ argument: String, _ state: inout AppState) -> [Effect] {
    let l = state.language
    if argument.isEmpty || argument.lowercased() == "auto" {
      state.columns = nil
      state.message = l.pick("columns fitted to the width", "列随窗口宽度调整")
      return []
    }
    switch CallColumn.list(argument) {
    case .failure(let unknown):
      state.message = l.pick(
        "no column \(quoted(unknown.word)): " + CallColumn.allCases.map(\.rawValue).joined(separator: " "),
        "没有列 \(quoted(unknown.word))：" + CallColumn.allCases.map(\.rawValue).joined(separator: " "))
    case .success(let columns):
      // The cause is what the list is for: it stays, last, whatever was typed.
      state.columns = columns.filter { $0 != .cause } + [.cause]
    }
    return []
  }

  /// The rule `text` names: its id, or the one id containing it; otherwise a message.
  private static func oneRule(_ text: String, _ state: inout AppState) -> String? {
    let l = state.language
    let wanted = text.lowercased()
    if state.ruleIds.contains(wanted) { return wanted }
    let candidates = state.ruleIds.filter { $0.contains(wanted) }
    if candidates.count == 1 { return candidates[0] }
    state.message =
      candidates.isEmpty
      ? l.pick("no rule \(quoted(text)) (pnsdoctor rules list)", "没有规则 \(quoted(text))（见 pnsdoctor rules list）")
      : l.pick("\(quoted(text)) could be: ", "\(quoted(text)) 可能是：") + candidates.prefix(6).joined(separator: " ")
        + (candidates.count > 6 ? " …" : "")
    return nil
  }

  /// The Calls list, with the page stack closed: where a filter of calls shows.
  private static func showCalls(_ state: inout AppState) {
    state.pages = []
    state.tab = .calls
  }

  /// Typed text quoted in a message, cut short and with its numbers masked (what the engineer
  /// typed may be a number).
  static func quoted(_ text: String) -> String {
    "'" + PhoneNumber.maskAll(in: String(text.prefix(40))) + "'"
  }
}
