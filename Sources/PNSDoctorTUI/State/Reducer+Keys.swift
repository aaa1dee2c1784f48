import PNSDoctorCore

extension Reducer {
  /// What a key does, depending on the page and on whether text is being typed.
  static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    state.message = nil
    if key == .control("c") {
      state.shouldQuit = true
      return []
    }
    if state.editingFilter { return editFilter(key, &state) }
    if state.page == .paste { return editPaste(key, &state) }
    if case .click(let row) = key { return click(row: row, &state) }
    guard let command = KeyMap.standard.command(for: key) else { return [] }
    return run(command, &state)
  }

  static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
    let visible = state.visibleRows
    switch command {
    case .quit:
      state.shouldQuit = true
    case .back:
      // Esc never quits: a key that also starts every escape sequence must not end the session.
      if !state.pages.isEmpty {
        state.pages.removeLast()
        state.pageScroll = 0
      } else if !state.filter.isEmpty || (state.causeFilter != nil && state.tab == .calls) {
        state.filter = ""
        state.causeFilter = nil
        return resetList(&state)
      } else if state.tab != .calls {
        state.tab = .calls
        return resetList(&state)
      }
    case .close:
      if !state.pages.isEmpty {
        state.pages.removeLast()
        state.pageScroll = 0
      } else {
        state.shouldQuit = true
      }
    case .help:
      if state.page != .help {
        state.pages.append(.help)
        state.pageScroll = 0
      }
    case .toggleMask:
      state.masked.toggle()
    case .toggleLanguage:
      state.language = state.language == .chinese ? .english : .chinese
    case .paste:
      state.pages.append(.paste)
      state.paste = PasteState()
      state.pageScroll = 0
    case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
      return move(command, &state, visible: visible)
    case .open:
      return open(&state)
    case .nextTab where state.page == .list:
      state.tab = AppState.Tab(rawValue: (state.tab.rawValue + 1) % AppState.Tab.allCases.count) ?? .calls
      return resetList(&state)
    case .filter where state.page == .list && state.tab != .stats:
      state.editingFilter = true
    // Stats counts failed calls only: the key does nothing there rather than say it changed.
    case .toggleFailed where state.page == .list && state.tab != .stats:
      state.failedOnly.toggle()
      return resetList(&state)
    case .cycleSort where state.page == .list && state.tab == .calls:
      state.sort = CallSort(rawValue: (state.sort.rawValue + 1) % CallSort.allCases.count) ?? .newest
      return resetList(&state)
    case .reload:
      return reloadEffects(&state)
    case .nextCall:
      return stepCall(by: 1, &state)
    case .previousCall:
      return stepCall(by: -1, &state)
    case .toggleFollow:
      state.following.toggle()
      state.message =
        state.following
        ? state.language.pick("follow on: the newest calls stay in view", "跟随已开启：始终显示最新呼叫")
        : state.language.pick("follow off", "跟随已关闭")
      guard state.following, state.page == .list, state.tab == .calls else { return [] }
      state.calls.selected = 0
      state.calls.top = 0
      return loadIfNeeded(&state)
    case .toggleRaw where state.page == .callDetail || state.page == .smsDetail:
      state.showRaw.toggle()
      state.pageScroll = 0
    default:
      break
    }
    return []
  }

  private static func move(_ command: Command, _ state: inout AppState, visible: Int) -> [Effect] {
    let delta: Int
    switch command {
    case .moveUp: delta = -1
    case .moveDown: delta = 1
    case .pageUp: delta = -visible
    case .pageDown: delta = visible
    case .top: delta = Int.min / 2
    default: delta = Int.max / 2
    }
    if state.page != .list {
      // Pages scroll; the view clamps the offset to its content.
      state.pageScroll = max(0, command == .top ? 0 : state.pageScroll + (command == .bottom ? 100_000 : delta))
      return []
    }
    switch state.tab {
    case .calls: state.calls.move(by: delta, visibleRows: visible)
    case .sms: state.sms.move(by: delta, visibleRows: visible)
    case .stats:
      let causes = state.statistics?.byCause.count ?? 0
      state.statsSelected = min(max(0, state.statsSelected + max(-causes, min(causes, delta))), max(0, causes - 1))
    }
    return loadIfNeeded(&state)
  }

  private static func open(_ state: inout AppState) -> [Effect] {
    guard state.page == .list else { return [] }
    switch state.tab {
    case .calls:
      guard let row = state.calls.selectedRow else { return [] }
      return [.openCall(rowId: row.rowId, sessionId: row.sessionId)]
    case .sms:
      guard let row = state.sms.selectedRow else { return [] }
      return [.openSMS(id: row.id)]
    case .stats:
      // A cause opens the failed calls it is the top cause of.
      guard let entries = state.statistics?.byCause, entries.indices.contains(state.statsSelected) else { return [] }
      guard let ruleId = entries[state.statsSelected].ruleId else {
        state.message = state.language.pick(
          "these calls have no stored cause: filter Calls by their codes instead",
          "这些呼叫没有已存原因：请在呼叫页按原因码筛选")
        return []
      }
      state.causeFilter = ruleId
      state.failedOnly = true
      state.tab = .calls
      return resetList(&state)
    }
  }

  private static func click(row: Int, _ state: inout AppState) -> [Effect] {
    guard state.page == .list, row >= 1, row <= state.visibleRows else { return [] }
    switch state.tab {
    case .calls:
      state.calls.selected = min(state.calls.top + row - 1, max(0, state.calls.total - 1))
    case .sms:
      state.sms.selected = min(state.sms.top + row - 1, max(0, state.sms.total - 1))
    case .stats:
      break
    }
    return []
  }

  /// Starts the list over: first row selected, window reloaded.
  static func resetList(_ state: inout AppState) -> [Effect] {
    state.calls.selected = 0
    state.calls.top = 0
    state.sms.selected = 0
    state.sms.top = 0
    return reloadEffects(&state)
  }

  private static func editFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch key {
    case .escape:
      state.editingFilter = false
      state.filter = ""
    case .enter:
      state.editingFilter = false
      return []
    case .backspace:
      guard !state.filter.isEmpty else { return [] }
      state.filter.removeLast()
    case .character(let character):
      state.filter.append(character)
    case .paste(let text):
      state.filter += text.filter { !$0.isNewline }
    default:
      return []
    }
    // The list follows every keystroke.
    return resetList(&state)
  }

  private static func editPaste(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch key {
    case .escape:
      state.pages.removeLast()
      return []
    case .paste(let text):
      // A bracketed paste is diagnosed as soon as it ends.
      state.paste.text += text
      return [.diagnosePaste(state.paste.text)]
    case .control("d"):
      return state.paste.text.isEmpty ? [] : [.diagnosePaste(state.paste.text)]
    case .control("s"):
      guard state.paste.diagnosed, !state.paste.results.isEmpty, !state.paste.saved else { return [] }
      return [.savePaste(state.paste.text)]
    case .control("u"):
      state.paste = PasteState()
    case .enter:
      state.paste.text += "\n"
      state.paste.diagnosed = false
    case .backspace:
      if !state.paste.text.isEmpty { state.paste.text.removeLast() }
      state.paste.diagnosed = false
    case .character(let character):
      state.paste.text.append(character)
      state.paste.diagnosed = false
    case .tab:
      state.paste.text += "  "
      state.paste.diagnosed = false
    case .up, .wheelUp:
      state.pageScroll = max(0, state.pageScroll - 1)
    case .down, .wheelDown:
      state.pageScroll += 1
    case .pageUp:
      state.pageScroll = max(0, state.pageScroll - state.visibleRows)
    case .pageDown:
      state.pageScroll += state.visibleRows
    default:
      break
    }
    return []
  }
}
