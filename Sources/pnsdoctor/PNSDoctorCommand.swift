import ArgumentParser
import Foundation
import PNSDoctorCore

/// `pnsdoctor`: why did this privacy-number call or SMS fail?
@main
struct PNSDoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pnsdoctor",
    abstract: "Troubleshoot Huawei Cloud Privacy Number calls and SMS (隐私保护通话故障排查).",
    discussion: """
      Import stored pushes (call events, CDRs, SMS notifications) into a local store, then \
      browse and filter failed calls. With no subcommand, pnsdoctor runs `tui`; try \
      `pnsdoctor --demo` on generated data.

      导入平台推送的呼叫事件、话单和短信通知，浏览并筛选失败的呼叫。不带子命令时运行 `tui`；\
      可用 `pnsdoctor --demo` 体验演示数据。
      """,
    version: PNSDoctorVersion.number,
    subcommands: [TUI.self, Import.self, Calls.self, SMS.self, Diagnose.self, Codes.self, Rules.self, Demo.self, Store.self, Serve.self, Receiver.self],
    defaultSubcommand: TUI.self)

  /// Runs the command line. ArgumentParser's own messages (an unknown option, a value that does
  /// not validate) quote what was typed, so they leave through the same sanitising writer as
  /// every other message. Output that could not be written (a full disk, a closed descriptor)
  /// fails the command instead of passing for success, and so does a message on standard error
  /// that could not be written.
  static func main() {
    StandardDescriptors.reserve()
    if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
      // Said here rather than by ArgumentParser, whose version text is fixed when the
      // configuration is first read (on every run): git is asked only when someone asks.
      // Before the signals are blocked: a child inherits the mask, and git must stay killable.
      let written = (try? StandardOutput.print("pnsdoctor " + PNSDoctorVersion.describe())) != nil
      Foundation.exit(written ? 0 : ExitStatus.storeFailure)
    }
    // Before any thread exists, so that every thread inherits the blocked signals. (pnsdoctor
    // starts no other program past this point, but for `serve`, which execs pnsdoctor-serve
    // with them blocked, as that program wants them.)
    SignalCenter.start()
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
    if status == 0 && StandardError.writeFailed {
      // What the command had to say (an import's summary, a warning) was lost: not a success.
      status = ExitStatus.storeFailure
    }
    Foundation.exit(status)
  }
}
