import ArgumentParser
import Foundation
import PNSDoctorCore
import PNSDoctorTUI

/// `pnsdoctor`: why did this privacy-number call or SMS fail?
@main
struct PNSDoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pnsdoctor",
    abstract: "Troubleshoot Huawei Cloud Privacy Number calls and SMS (隐私保护通话故障排查).",
    discussion: """
      Import stored pushes (call events, CDRs, SMS notifications) into a local store, then list
      and filter failed calls. Run with --demo to try it on generated data.
      导入平台推送的呼叫事件、话单和短信通知，列出并筛选失败的呼叫。使用 --demo 体验演示数据。
      """,
    subcommands: [Import.self, Calls.self, Diagnose.self, Codes.self, Rules.self, Demo.self, Store.self])

  @Flag(name: .long, help: "Build a throw-away store from generated demo data and show it. (演示模式)")
  var demo = false

  @Option(name: .long, help: "Calls in the demo store.")
  var demoCount = 3000

  @Flag(name: .long, help: "Print the failed-call list instead of opening the terminal UI.")
  var noTui = false

  @OptionGroup var store: StoreOptions
  @OptionGroup var knowledge: KnowledgeOptions
  @OptionGroup var display: DisplayOptions

  /// Runs the command line. ArgumentParser's own messages (an unknown option, a value that does
  /// not validate) quote what was typed, so they leave through the same sanitising writer as
  /// every other message. Output that could not be written (a full disk, a closed descriptor)
  /// fails the command instead of passing for success.
  static func main() {
    var status: Int32 = 0
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { print(message) } else { StandardError.write(message) }
      }
      status = code.rawValue
    }
    if fflush(nil) != 0 && status == 0 {
      StandardError.write("error: cannot write the output: \(String(cString: strerror(errno)))")
      status = ExitStatus.storeFailure
    }
    Foundation.exit(status)
  }

  func run() throws {
    // The terminal UI needs a terminal on both sides; scripts and pipes get the plain list.
    let interactive = !noTui && isatty(0) == 1 && isatty(1) == 1
    if demo {
      try DemoSession(count: demoCount, display: display, knowledge: knowledge, interactive: interactive).run()
      return
    }
    if interactive {
      let language = display.language
      let base = try knowledge.load(language: language)
      let callStore = try store.openDiagnosed(language: language, knowledge: base)
      let signal = TUIApp(
        store: callStore, knowledge: base, language: language,
        timeDisplay: display.timeDisplay, storeName: callStore.path
      ).run()
      // Ended by a signal: the shell convention, 128 + its number.
      if let signal { throw ExitCode(128 + signal) }
      return
    }
    var listing = Calls()
    listing.store = store
    listing.display = display
    listing.failed = true
    try listing.run()
  }
}
