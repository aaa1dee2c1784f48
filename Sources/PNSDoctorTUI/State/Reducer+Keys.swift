import PNSDoctorCore

extension Reducer {
  /// What a key does: the command the live key tables give it, else, where text is typed,
  /// the text it types.
  static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    state.message = nil
    if key == .control("c") {
      state.shouldQuit = true
      return []
    }
    guard let command = KeyMap.command(for: key, in: state) else {
      if state.editingFilter || state.commandLine != nil { return typeInLine(key, &state) }
      if state.page == .paste { return typeInPaste(key, &state) }
      if case .click(let row) = key { return click(row: row, &state) }
      return []
    }
    return run(command, key: key, &state)
  }

  static func run(_ command: Command, key: Key, _ state: inout AppState) -> [Effect] {
    let visible = state.visibleRows
    switch command {
    case .quit:
      state.shouldQuit = true
    case .back:
      return back(&state)
    case .close:
      if state.page == .callDetail && !state.detailTrail.isEmpty { return back(&state) }
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
    case .commandLine:
      state.commandLine = ""
      state.historyIndex = nil
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
    case .chooseColumns where state.page == .list && state.tab == .calls:
      // The command line, filled with the columns shown now, to edit.
      let shown = state.columns ?? CallListLayout.automaticColumns(width: state.width)
      state.commandLine = "columns " + shown.map(\.rawValue).joined(separator: ",")
      state.historyIndex = nil
    case .previousHour where state.page == .list && state.tab == .stats:
      stepHour(by: -1, &state)
    case .nextHour where state.page == .list && state.tab == .stats:
      stepHour(by: 1, &state)
    case .reload:
      // A store deleted or replaced under the screen is opened again, not read again.
      if state.storeFileState != .unchanged { return [.reopenStore] }
      return reloadEffects(&state)
    case .nextCall:
      state.detailTrail = []
      return stepCall(by: 1, &state)
    case .previousCall:
      state.detailTrail = []
      return stepCall(by: -1, &state)
    case .openRelated:
      return openRelated(key, &state)
    case .copySession:
      copySession(&state)
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
    case .runPaste:
      return state.paste.text.isEmpty ? [] : [.diagnosePaste(state.paste.text)]
    case .savePaste:
      guard state.paste.diagnosed, !state.paste.results.isEmpty, !state.paste.saved else { return [] }
      return [.savePaste(state.paste.text)]
    case .clearPaste:
      state.paste = PasteState()
      state.pageScroll = 0
    case .acceptLine, .cancelLine, .deleteBackward, .historyPrevious, .historyNext:
      return editLine(command, &state)
    default:
      break
    }
    return []
  }

  /// Esc: back one step, never out of the app. A page closes (a related call goes back to the
  /// call it was opened from); on a list the filters clear, then the list goes to Calls.
  private static func back(_ state: inout AppState) -> [Effect] {
    if state.page == .callDetail, let previous = state.detailTrail.popLast() {
      state.detail = previous
      state.pageScroll = 0
      state.showRaw = false
      return []
    }
    if !state.pages.isEmpty {
      state.pages.removeLast()
      state.pageScroll = 0
      return []
    }
    let filtered =
      !state.filter.isEmpty
      || (state.tab == .calls && (state.causeFilter != nil || state.numberFilter != nil || !state.timeSpan.isEmpty))
    if filtered {
      clearFilters(&state)
      return resetList(&state)
    }
    if state.tab != .calls {
      state.tab = .calls
      return resetList(&state)
    }
    return []
  }

  static func clearFilters(_ state: inout AppState) {
    state.filter = ""
    state.causeFilter = nil
    state.numberFilter = nil
    state.timeSpan = TimeSpan()
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
      state.statsFocus = .causes
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
    case .stats where state.statsFocus == .hours:
      return openHour(&state)
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

  /// A key typed on the paste page that no binding takes: text.
  private static func typeInPaste(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch key {
    case .paste(let text):
      // A bracketed paste is diagnosed as soon as it ends.
      state.paste.text += text
      return [.diagnosePaste(state.paste.text)]
    case .enter:
      state.paste.text += "\n"
    case .backspace:
      guard !state.paste.text.isEmpty else { return [] }
      state.paste.text.removeLast()
    case .character(let character):
      state.paste.text.append(character)
    case .tab:
      state.paste.text += "  "
    default:
      return []
    }
    state.paste.diagnosed = false
    return []
  }
}
