import PNSDoctorCore

/// The help page, generated from the key tables that dispatch the keys and from the table of
/// `:` commands that runs them.
struct HelpView {
  func lines(_ state: AppState) -> [StyledLine] {
    let l = state.language
    var lines: [StyledLine] = []
    let keyColumn = 4 + (KeyMap.all.flatMap(\.bindings).map { DisplayWidth.of($0.label) }.max() ?? 8)
    for table in KeyMap.all {
      lines.append(StyledLine(table.title.text(in: l).uppercased(), .heading))
      for binding in table.bindings {
        lines.append(row(binding.label, binding.help.text(in: l), column: keyColumn))
      }
      lines.append(.blank)
    }
    lines.append(StyledLine(l.pick("COMMANDS (after :)", "命令（输入 : 后）"), .heading))
    let commands = LineCommand.all.map { (":" + $0.name.rawValue + ($0.argument.map { " " + $0 } ?? ""), $0.help) }
    let commandColumn = 4 + (commands.map { DisplayWidth.of($0.0) }.max() ?? 8)
    for (name, help) in commands {
      lines.append(row(name, help.text(in: l), column: commandColumn))
    }
    lines += [
      StyledLine(
        l.pick(
          "  A command may be shortened while it stays unique (:st is ambiguous, :sta is :stats).",
          "  命令可缩写，只要不产生歧义（:st 有歧义，:sta 即 :stats）。"), .muted),
      .blank, StyledLine(l.pick("Mouse: wheel scrolls, a click selects a row.", "鼠标：滚轮滚动，单击选中一行。"), .muted),
      StyledLine(l.pick("Esc or q closes this help.", "按 Esc 或 q 关闭帮助。"), .muted),
    ]
    return lines
  }

  /// A key or a command and what it does, the text hanging under itself when it wraps.
  private func row(_ name: String, _ help: String, column: Int) -> StyledLine {
    let padded = "  " + name + String(repeating: " ", count: max(1, column - 2 - DisplayWidth.of(name)))
    var line = StyledLine([(padded, .key), (help, .normal)])
    line.hangingIndent = max(column, DisplayWidth.of(padded))
    return line
  }
}
