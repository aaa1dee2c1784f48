import ArgumentParser
import Foundation
import PNSDoctorCore
import PNSDoctorTUI

extension PNSDoctorCommand {
  /// `pnsdoctor tui` (and `pnsdoctor` with no subcommand): the terminal UI on a store, or on a
  /// throw-away demo store. Off a terminal, or with `--no-tui`, it prints what `calls --failed`
  /// prints, through the same code.
  struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tui",
      abstract: "Browse failed calls and SMS in the terminal UI (终端界面；不带子命令时的默认操作).",
      discussion: """
        Keys: ? for help, / to filter, : for commands (:cause ID, :number DIGITS, :since 2h), \
        Enter to open, p to paste anything for a diagnosis, q to quit. New data in the store \
        shows by itself; F follows the newest calls. When standard input or output is not a terminal, or with --no-tui, the newest \
        failed calls are printed instead, as `pnsdoctor calls --failed` prints them.
        """)

    @Flag(name: .long, help: "Build a throw-away store from generated demo data and show it (演示模式).")
    var demo = false

    @Option(name: .long, help: "Calls in the demo store.")
    var demoCount = 3000

    @Flag(name: .long, help: "Print the failed-call list instead of opening the terminal UI.")
    var noTui = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
      guard demoCount > 0 else { throw ValidationError("--demo-count must be at least 1") }
    }

    func run() throws {
      // The terminal UI needs a terminal on both sides; scripts and pipes get the plain list.
      let interactive = !noTui && isatty(0) == 1 && isatty(1) == 1
      if demo {
        try DemoSession(count: demoCount, display: display, knowledge: knowledge, interactive: interactive).run()
        return
      }
      let language = display.language
      let base = try knowledge.load(language: language)
      guard interactive else {
        var query = CallQuery()
        query.failedOnly = true
        query.limit = Calls.defaultLimit
        try CallListing(store: store, display: display, knowledge: base).print(query, format: .table)
        return
      }
      let callStore = try store.openDiagnosed(language: language, knowledge: base)
      // The screen handles the signals itself (restoring the terminal first); meanwhile they
      // must not end the process unhandled.
      let listening = SignalCenter.listen { _ in }
      defer { listening.end() }
      let signal = TUIApp(
        store: callStore, knowledge: base, language: language,
        timeDisplay: display.timeDisplay, storeName: callStore.path
      ).run()
      // Ended by a signal: the shell convention, 128 + its number.
      if let signal { throw ExitCode(128 + signal) }
    }
  }
}
