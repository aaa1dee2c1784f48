import PNSDoctorCore

/// The help page, generated from the key map that dispatches the keys.
struct HelpView {
  func lines(_ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines = [StyledLine(l.pick("KEYS", "按键"), .heading)]
    for binding in KeyMap.standard.bindings {
      lines.append(
        StyledLine([
          ("  " + binding.label.padding(toLength: 9, withPad: " ", startingAt: 0), .key),
          (binding.help.text(in: l), .normal),
        ]))
    }
    lines += [
      .blank, StyledLine(l.pick("Mouse: wheel scrolls, a click selects a row.", "鼠标：滚轮滚动，单击选中一行。"), .muted),
      StyledLine(l.pick("Esc or q closes this help.", "按 Esc 或 q 关闭帮助。"), .muted),
    ]
    return lines
  }
}
