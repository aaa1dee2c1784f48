import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor receiver`: what the live receiver (`serve`) took, and what went wrong with it.
  struct Receiver: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report what the live receiver took: pushes, answers, signatures, failures (接收端报告).",
      discussion: """
        Reads the pushes `pnsdoctor serve` recorded in the store: per kind and minute, what \
        became of them, their signatures, the answers sent, the upstream's answers and latency \
        in tap mode, and the latest failures with what to check. Paths and reasons are masked \
        unless --reveal; JSON is not masked unless --mask.
        """)

    @Option(name: .long, help: ArgumentHelp("Only pushes from this time on (yyyy-MM-dd HH:mm, an ISO time, or 30m/2h/7d).", valueName: "time"))
    var since: String?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Mask numbers in JSON output as well.")
    var mask = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
      let now = Timestamp.now
      var sinceMs: Int64?
      if let since {
        guard let time = display.timeDisplay.parseUserTime(since, now: now) else {
          throw ValidationError("--since '\(since)': use yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss], an ISO time, or 30m/2h/7d")
        }
        sinceMs = time.millisecondsSince1970
      }
      let language = display.language
      let callStore = try store.open(language: language)
      let report: ReceiverReport
      do {
        report = try callStore.receiverReport(sinceMs: sinceMs)
      } catch {
        StandardError.write(error.message(in: language))
        throw ExitCode(ExitStatus.storeFailure)
      }
      let text = ReceiverReportText(report: report, display: display, language: language)
      try StandardOutput.print(format == .json ? text.json(masked: mask) : text.text(), terminator: "")
    }
  }
}
