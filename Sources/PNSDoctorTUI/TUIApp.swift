public import PNSDoctorCore
import Dispatch
import Foundation

/// The terminal application: reads keys, reduces them into the state, runs effects off the UI
/// thread, and draws. The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM, SIGHUP,
/// and errors.
public final class TUIApp {
  private let runner: EffectRunner
  private let renderer: Renderer
  private var state: AppState
  private let work = DispatchQueue(label: "pnsdoctor.tui.work")
  private let mailbox = Mailbox()

  public init(
    store: CallStore, knowledge: KnowledgeBase, language: Language, timeDisplay: TimeDisplay, storeName: String
  ) {
    runner = EffectRunner(store: store, knowledge: knowledge)
    renderer = Renderer(knowledge: knowledge, columnsOf: NcursesTerminal.columnsOf)
    state = AppState(width: 80, height: 24, language: language, storeName: storeName, timeDisplay: timeDisplay)
    state.ruleIds = knowledge.rules.map(\.id).sorted()
    state.now = Date().timeIntervalSince1970
  }

  /// Runs until the engineer quits or a signal asks to stop.
  /// - Returns: the signal that ended it, if one did, so that the exit status can say so.
  @discardableResult
  public func run() -> Int32? {
    let environment = ProcessInfo.processInfo.environment
    let terminal = NcursesTerminal(environment: environment)
    state.clipboardAvailable = NcursesTerminal.acceptsClipboard(environment: environment)
    let signals = [SIGTERM, SIGHUP, SIGINT].map { signalNumber -> any DispatchSourceSignal in
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [mailbox] in mailbox.post(.signal(signalNumber)) }
      source.resume()
      return source
    }
    terminal.start()
    defer {
      terminal.stop()
      signals.forEach { $0.cancel() }
      // Said after the screen is restored, where it stays readable.
      if let missing = terminal.localeFallback {
        try? FileHandle.standardError.write(
          contentsOf:
          Data(
            state.language.pick(
              "note: locale \(TerminalSanitizer.sanitize(missing, limit: 64)) is not installed here; C.UTF-8 was used for the display.\n",
              "提示：本机未安装区域设置 \(TerminalSanitizer.sanitize(missing, limit: 64))，显示改用 C.UTF-8。\n"
            ).utf8))
      }
    }
    let size = terminal.size
    state.width = size.width
    state.height = size.height
    perform(Reducer.reloadEffects(&state))
    var dirty = true
    let watch = StoreWatch(initial: runner.storeChangeToken())
    var nextTick = Date().addingTimeInterval(1)
    while !state.shouldQuit {
      if Date() >= nextTick {
        nextTick = Date().addingTimeInterval(1)
        // Asked on the work queue, in turn with the queries, never on the drawing thread.
        work.async { [runner, mailbox] in
          let changed = watch.update(runner.storeChangeToken())
          // Deleted, replaced or migrated under the screen: said until `r` reopens it.
          let fileState = runner.storeFileState()
          if watch.update(fileState) { mailbox.post(.storeFileChanged(fileState)) }
          mailbox.post(.tick(now: Date().timeIntervalSince1970, storeChanged: changed && fileState == .unchanged))
        }
      }
      if dirty {
        terminal.present(renderer.render(state))
        dirty = false
      }
      if let text = state.clipboardRequest {
        state.clipboardRequest = nil
        terminal.copyToClipboard(text)
      }
      for action in mailbox.drain() {
        perform(Reducer.reduce(&state, action))
        dirty = true
      }
      let before = (state.width, state.height)
      let key = terminal.readKey(timeout: 50)
      if terminal.resized(before) {
        let now = terminal.size
        terminal.invalidate()
        perform(Reducer.reduce(&state, .resized(width: now.width, height: now.height)))
        dirty = true
      }
      if let key {
        perform(Reducer.reduce(&state, .key(key)))
        dirty = true
      } else if terminal.isGone {
        // Nobody is left to read the screen: stop as a hang-up would.
        perform(Reducer.reduce(&state, .signal(SIGHUP)))
      }
    }
    return state.endingSignal
  }

  private func perform(_ effects: [Effect]) {
    let language = state.language
    for effect in effects {
      work.async { [runner, mailbox] in mailbox.post(runner.run(effect, language: language)) }
    }
  }
}
