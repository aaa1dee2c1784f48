import PNSDoctorCore

/// The two lines typed at the bottom of the screen: the filter (`/`), applied as it is typed,
/// and the `:` command line, run on Enter and kept in a history.
extension Reducer {
  /// A key no binding of the line editor takes: text.
  static func typeInLine(_ key: Key, _ state: inout AppState) -> [Effect] {
    let typed: String
    switch key {
    case .character(let character): typed = String(character)
    case .paste(let text): typed = text.filter { !$0.isNewline }
    default: return []
    }
    if state.commandLine != nil {
      state.commandLine? += typed
      state.historyIndex = nil
      return []
    }
    state.filter += typed
    // The list follows every keystroke.
    return resetList(&state)
  }

  static func editLine(_ command: Command, _ state: inout AppState) -> [Effect] {
    if let line = state.commandLine { return editCommandLine(command, line, &state) }
    switch command {
    case .acceptLine:
      state.editingFilter = false
      return []
    case .cancelLine:
      state.editingFilter = false
      state.filter = ""
    case .deleteBackward:
      guard !state.filter.isEmpty else { return [] }
      state.filter.removeLast()
    default:
      return []
    }
    return resetList(&state)
  }

  private static func editCommandLine(_ command: Command, _ line: String, _ state: inout AppState) -> [Effect] {
    switch command {
    case .acceptLine:
      state.commandLine = nil
      let text = String(line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      guard !text.isEmpty else { return [] }
      state.commandHistory.removeAll { $0 == text }
      state.commandHistory.append(text)
      if state.commandHistory.count > AppState.historyLimit { state.commandHistory.removeFirst() }
      return runLine(text, &state)
    case .cancelLine:
      state.commandLine = nil
    case .deleteBackward:
      // Backspace on an empty line closes it, as in vim and k9s.
      if line.isEmpty { state.commandLine = nil } else { state.commandLine?.removeLast() }
    case .historyPrevious:
      guard !state.commandHistory.isEmpty else { return [] }
      let index = max(0, (state.historyIndex ?? state.commandHistory.count) - 1)
      state.historyIndex = index
      state.commandLine = state.commandHistory[index]
    case .historyNext:
      guard let index = state.historyIndex else { return [] }
      if index + 1 < state.commandHistory.count {
        state.historyIndex = index + 1
        state.commandLine = state.commandHistory[index + 1]
      } else {
        state.historyIndex = nil
        state.commandLine = ""
      }
    default:
      break
    }
    return []
  }
}
