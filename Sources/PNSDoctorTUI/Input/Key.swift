/// A key press, a paste, or a mouse event, as the terminal driver reports it.
public enum Key: Sendable, Equatable, Hashable {
  case character(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace
  /// Ctrl plus a letter (`c` for Ctrl-C).
  case control(Character)
  /// Alt (Meta) plus a character: Esc and the character arriving together. Nothing is bound to
  /// it; it exists so that it is never taken for Esc.
  case alt(Character)
  /// Text that arrived as one bracketed paste.
  case paste(String)
  case wheelUp, wheelDown
  /// A click on a screen row.
  case click(row: Int)
}
