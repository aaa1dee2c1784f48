import ArgumentParser
import PNSDoctorCore

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
    subcommands: [Import.self, Calls.self, Diagnose.self, Codes.self, Rules.self, Demo.self])

  @Flag(name: .long, help: "Build a throw-away store from generated demo data and show it. (演示模式)")
  var demo = false

  @Option(name: .long, help: "Calls in the demo store.")
  var demoCount = 3000

  @OptionGroup var store: StoreOptions
  @OptionGroup var display: DisplayOptions

  func run() throws {
    if demo {
      try DemoSession(count: demoCount, display: display).run()
      return
    }
    // Until the terminal UI lands, the main view is the list of failed calls.
    var listing = Calls()
    listing.store = store
    listing.display = display
    listing.failed = true
    try listing.run()
  }
}
