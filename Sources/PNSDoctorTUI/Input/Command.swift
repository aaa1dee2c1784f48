/// What a key does. Keys map to commands through `KeyMap`, so that the help screen shows
/// exactly what dispatches.
public enum Command: String, Sendable, CaseIterable {
  case moveUp, moveDown, pageUp, pageDown, top, bottom
  case open, back, close, quit, nextTab
  case filter, toggleFailed, cycleSort, paste, reload
  case toggleMask, toggleLanguage, help, toggleRaw
  case runPaste, savePaste
  case nextCall, previousCall, toggleFollow
}
