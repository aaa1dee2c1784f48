/// What a key does. Keys map to commands through the key tables (`KeyMap`), so that the help
/// screen and the hints show exactly what dispatches.
public enum Command: String, Sendable, CaseIterable {
  // Moving in a list or a page.
  case moveUp, moveDown, pageUp, pageDown, top, bottom
  // Everywhere but where text is typed.
  case back, close, quit, help, commandLine, toggleMask, toggleLanguage
  // The lists.
  case open, nextTab, filter, toggleFailed, cycleSort, chooseColumns, paste, reload, toggleFollow
  case previousHour, nextHour
  // A call's or a message's detail.
  case nextCall, previousCall, toggleRaw, copySession, openRelated
  // The paste page.
  case runPaste, savePaste, clearPaste
  // Typing a filter or a `:` command.
  case acceptLine, cancelLine, deleteBackward, historyPrevious, historyNext
}
