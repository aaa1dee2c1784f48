public import PNSDoctorCore

/// Draws the whole screen for a state: chrome (tabs, status line, key hints) and the page on top.
public struct Renderer: Sendable {
  public let knowledge: KnowledgeBase
  public let columnsOf: @Sendable (Unicode.Scalar) -> Int

  public init(knowledge: KnowledgeBase, columnsOf: @escaping @Sendable (Unicode.Scalar) -> Int = DisplayWidth.of) {
    self.knowledge = knowledge
    self.columnsOf = columnsOf
  }

  /// The whole screen for `state`, at the state's size.
  public func render(_ state: AppState) -> ScreenBuffer {
    var screen = ScreenBuffer(width: state.width, height: state.height, columnsOf: columnsOf)
    if state.isTooSmall {
      let l = state.language
      screen.put(l.pick("Terminal too small", "终端窗口太小"), x: 0, y: 0, role: .warning)
      screen.put(
        l.pick(
          "need \(AppState.minimumWidth)x\(AppState.minimumHeight), have \(state.width)x\(state.height)",
          "至少 \(AppState.minimumWidth)x\(AppState.minimumHeight)，当前 \(state.width)x\(state.height)"),
        x: 0, y: 1, role: .muted)
      return screen
    }
    Chrome.drawTabs(&screen, state)
    switch state.page {
    case .list:
      switch state.tab {
      case .calls: CallListView(knowledge: knowledge).draw(&screen, state)
      case .sms: SMSListView(knowledge: knowledge).draw(&screen, state)
      case .stats: StatsView(knowledge: knowledge).draw(&screen, state)
      }
    case .callDetail:
      screen.drawPage(
        CallDetailView(knowledge: knowledge).lines(state), top: 1, rows: state.height - 3, scroll: state.pageScroll)
    case .smsDetail:
      screen.drawPage(SMSDetailView().lines(state), top: 1, rows: state.height - 3, scroll: state.pageScroll)
    case .paste:
      PasteView().draw(&screen, state)
    case .help:
      screen.drawPage(HelpView().lines(state), top: 1, rows: state.height - 3, scroll: state.pageScroll)
    }
    Chrome.drawStatus(&screen, state)
    return screen
  }
}
