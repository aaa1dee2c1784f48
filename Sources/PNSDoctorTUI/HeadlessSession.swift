public import PNSDoctorCore

/// The terminal application without a terminal: the same state, reducer, effects, store
/// queries and views as `TUIApp`, driven by calls instead of a keyboard and drawn into a cell
/// grid. Effects run to their end before a call returns, so each call costs what a keystroke
/// costs the person at the terminal. The benchmark drives it; tests can too.
public final class HeadlessSession {
  private let runner: EffectRunner
  private let renderer: Renderer
  /// The state after the last call.
  public private(set) var state: AppState

  public init(
    store: CallStore, knowledge: KnowledgeBase, width: Int = 120, height: Int = 40, language: Language = .english,
    timeDisplay: TimeDisplay = .utc, storeName: String
  ) {
    runner = EffectRunner(store: store, knowledge: knowledge)
    renderer = Renderer(knowledge: knowledge)
    state = AppState(width: width, height: height, language: language, storeName: storeName, timeDisplay: timeDisplay)
    state.ruleIds = knowledge.rules.map(\.id).sorted()
  }

  /// Loads the first screen (the failed calls, newest first) and draws it.
  @discardableResult
  public func start() -> ScreenBuffer {
    settle(Reducer.reloadEffects(&state))
    return renderer.render(state)
  }

  /// Handles one key as the terminal would, waits for what it asked of the store, and draws.
  @discardableResult
  public func press(_ key: Key) -> ScreenBuffer {
    settle(Reducer.reduce(&state, .key(key)))
    return renderer.render(state)
  }

  /// Looks at the store's file as the app does every second, and draws: a store deleted,
  /// replaced or migrated since it was opened is said on screen.
  @discardableResult
  public func checkStore() -> ScreenBuffer {
    let fileState = runner.storeFileState()
    if fileState != state.storeFileState { settle(Reducer.reduce(&state, .storeFileChanged(fileState))) }
    return renderer.render(state)
  }

  private func settle(_ effects: [Effect]) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      queue += Reducer.reduce(&state, runner.run(effect, language: state.language))
    }
  }
}
