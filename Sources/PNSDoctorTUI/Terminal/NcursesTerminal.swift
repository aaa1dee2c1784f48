import CNcurses
import Foundation

/// The only code that talks to ncurses: it starts and restores the terminal, reads keys (with
/// bracketed paste, mouse and resize), and copies a `ScreenBuffer` to the screen, cell by cell,
/// writing only what changed.
final class NcursesTerminal {
  private var previous: ScreenBuffer?
  private var started = false
  private let useColor: Bool
  /// Whether the terminal's character set is UTF-8.
  private(set) var isUTF8 = true

  init(environment: [String: String]) {
    useColor = environment["NO_COLOR"].map { $0.isEmpty } ?? true
  }

  /// Columns a scalar takes on this terminal, by `wcwidth` (control characters count as one: the
  /// buffer has replaced them already).
  static let columnsOf: @Sendable (Unicode.Scalar) -> Int = { scalar in
    let columns = Int(pns_wcwidth(scalar.value))
    return columns < 0 ? 1 : columns
  }

  /// Set by `start` when the environment named a locale this machine lacks and C.UTF-8 stands
  /// in for it; the caller says so once.
  private(set) var localeFallback: String?

  func start() {
    let locale = pns_setlocale_utf8()
    isUTF8 = locale != 0
    if locale == 2 {
      let environment = ProcessInfo.processInfo.environment
      localeFallback = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }
    initscr()
    started = true
    raw()
    noecho()
    nonl()
    keypad(pns_stdscr(), true)
    // Short, so that Esc answers at once; an ESCDELAY the user set (a slow link) wins.
    if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
    curs_set(0)
    pns_define_paste_keys()
    pns_enable_mouse()
    if useColor && has_colors() {
      start_color()
      use_default_colors()
      // Semantic roles in colours readable on light and dark backgrounds (-1 = the terminal's own).
      init_pair(1, Int16(COLOR_RED), -1)
      init_pair(2, Int16(COLOR_GREEN), -1)
      init_pair(3, Int16(COLOR_YELLOW), -1)
      init_pair(4, Int16(COLOR_CYAN), -1)
      init_pair(5, Int16(COLOR_MAGENTA), -1)
    }
    // Bracketed paste: a pasted CDR arrives as one piece, not as keystrokes.
    pns_write_control("\u{1B}[?2004h")
  }

  /// Restores the terminal. Safe to call more than once.
  func stop() {
    guard started else { return }
    started = false
    pns_write_control("\u{1B}[?2004l")
    curs_set(1)
    endwin()
  }

  var size: (width: Int, height: Int) {
    (Int(pns_cols()), Int(pns_lines()))
  }

  /// The next key, waiting at most `timeout` milliseconds; `nil` when none came.
  func readKey(timeout: Int32) -> Key? {
    wtimeout(pns_stdscr(), timeout)
    var value: UInt32 = 0
    let status = pns_get_wch(&value)
    if status == ERR { return nil }
    if status == pns_key_code_yes() { return special(Int32(value)) }
    return character(value)
  }

  private func character(_ value: UInt32) -> Key? {
    switch value {
    case 0x03: return .control("c")
    case 0x04: return .control("d")
    case 0x13: return .control("s")
    case 0x15: return .control("u")
    case 0x09: return .tab
    case 0x0A, 0x0D: return .enter
    case 0x1B: return escapeOrAlt()
    case 0x08, 0x7F: return .backspace
    case 0..<0x20: return nil
    default: return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }

  /// How long (ms) to wait, after curses has given up on an Esc, for what may follow it: over a
  /// slow link the rest of an arrow key's sequence can arrive later than curses' own delay.
  static let escapeFollowUp: Int32 = 80

  /// An Esc alone is Esc. Esc followed at once by a character is Alt (Meta) and that
  /// character; Esc `[` or Esc `O` is an escape sequence curses did not put together (split by a
  /// slow link, or unknown), read to its end and dropped. Neither is ever taken for Esc.
  private func escapeOrAlt() -> Key? {
    wtimeout(pns_stdscr(), Self.escapeFollowUp)
    var value: UInt32 = 0
    let status = pns_get_wch(&value)
    if status == ERR { return .escape }
    // Esc then a key curses decoded (Alt-arrow and the like): nothing is bound to it.
    if status == pns_key_code_yes() { return nil }
    switch value {
    case 0x5B:  // CSI: parameters and intermediates, then one final byte in 0x40...0x7E.
      skipSequence { (0x40...0x7E).contains($0) }
      return nil
    case 0x4F:  // SS3: one more byte.
      skipSequence { _ in true }
      return nil
    case 0x1B:  // Esc pressed twice: this one is Esc, the next is read afresh.
      unget_wch(0x1B)
      return .escape
    case 0x20..<0x7F, 0xA0...:
      return Unicode.Scalar(value).map { .alt(Character($0)) }
    default:
      return nil
    }
  }

  /// Reads and drops bytes of an escape sequence until `isFinal` says one ends it, or none
  /// comes in time.
  private func skipSequence(until isFinal: (UInt32) -> Bool) {
    for _ in 0..<32 {
      var value: UInt32 = 0
      let status = pns_get_wch(&value)
      if status == ERR || (status != pns_key_code_yes() && isFinal(value)) { return }
    }
  }

  private func special(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case pns_key_resize(): return nil
    case pns_key_mouse():
      var row: Int32 = 0
      var column: Int32 = 0
      switch pns_mouse_event(&row, &column) {
      case 1: return .wheelUp
      case 2: return .wheelDown
      case 3: return .click(row: Int(row) - 1)
      default: return nil
      }
    case Int32(pns_paste_start_key()): return .paste(readPaste())
    default: return nil
    }
  }

  /// Whether the terminal has gone away (closed window, dropped SSH link).
  var isGone: Bool { pns_terminal_gone() != 0 }

  /// Whether the terminal's size differs from `previousSize`. The size is asked of the terminal
  /// itself: curses learns of a resize through SIGWINCH only when its own handler is installed,
  /// which is not the case when the runtime or a parent process has touched that signal.
  func resized(_ previousSize: (width: Int, height: Int)) -> Bool {
    _ = pns_sync_terminal_size()
    let now = size
    return now.width != previousSize.width || now.height != previousSize.height
  }

  /// Reads the rest of a bracketed paste, up to its end marker.
  private func readPaste() -> String {
    var text = String.UnicodeScalarView()
    wtimeout(pns_stdscr(), 2000)
    while true {
      var value: UInt32 = 0
      let status = pns_get_wch(&value)
      if status == ERR { break }
      if status == pns_key_code_yes() {
        if Int32(value) == Int32(pns_paste_end_key()) { break }
        if Int32(value) == KEY_ENTER { text.append("\n") }
        continue
      }
      if value == 0x0D { text.append("\n"); continue }
      if let scalar = Unicode.Scalar(value) { text.append(scalar) }
    }
    return String(text)
  }

  /// Copies the buffer to the terminal, writing only the cells that changed.
  func present(_ screen: ScreenBuffer) {
    let full = previous == nil || previous?.width != screen.width || previous?.height != screen.height
    if full { werase(pns_stdscr()) }
    for y in 0..<screen.height {
      for x in 0..<screen.width {
        let cell = screen[x, y]
        if cell.isContinuation { continue }
        if !full, let previous, previous[x, y] == cell { continue }
        let scalars = cell.text.unicodeScalars.prefix(5).map(\.value)
        let (attributes, pair) = style(cell.role)
        _ = scalars.withUnsafeBufferPointer { buffer in
          pns_put_cell(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
      }
    }
    wrefresh(pns_stdscr())
    previous = screen
  }

  /// Whether the terminal is known to take text into its clipboard from OSC 52: forced with
  /// `PNSDOCTOR_CLIPBOARD=osc52` (or `off`); otherwise only terminals that accept it by
  /// default, and not inside tmux or screen, which by default drop it from applications.
  static func acceptsClipboard(environment: [String: String]) -> Bool {
    switch environment["PNSDOCTOR_CLIPBOARD"]?.lowercased() {
    case "osc52": return true
    case "off": return false
    default: break
    }
    if environment["TMUX"] != nil || environment["STY"] != nil { return false }
    let term = environment["TERM"] ?? ""
    let program = environment["TERM_PROGRAM"] ?? ""
    return ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty"].contains { term.hasPrefix($0) }
      || ["iTerm.app", "WezTerm", "ghostty"].contains(program)
  }

  /// Puts `text` on the terminal's clipboard with OSC 52, the one escape sequence the app
  /// sends itself. Base64 carries the text, so nothing in it can act on the terminal.
  func copyToClipboard(_ text: String) {
    let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    // A terminal that cannot take it loses only the copy.
    try? FileHandle.standardOutput.write(contentsOf: Data(sequence.utf8))
  }

  /// Forces the next `present` to redraw everything (after a resize).
  func invalidate() {
    previous = nil
    clearok(pns_stdscr(), true)
  }

  private func style(_ role: Role) -> (attr_t, Int16) {
    let color = useColor && has_colors()
    switch role {
    case .normal: return (0, 0)
    case .heading: return (pns_a_bold(), 0)
    case .selected: return (pns_a_reverse(), 0)
    case .muted: return (pns_a_dim(), 0)
    case .failure: return (color ? 0 : pns_a_bold(), color ? 1 : 0)
    case .success: return (0, color ? 2 : 0)
    case .warning: return (pns_a_bold(), color ? 3 : 0)
    case .key: return (pns_a_bold(), color ? 4 : 0)
    case .status: return (pns_a_reverse(), 0)
    case .placeholder: return (pns_a_reverse(), color ? 5 : 0)
    case .match: return (pns_a_underline() | pns_a_bold(), color ? 3 : 0)
    }
  }
}
