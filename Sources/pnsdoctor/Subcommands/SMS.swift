import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor sms`: the stored SMS notifications, newest first.
  struct SMS: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sms",
      abstract: "List stored SMS notifications, newest first (列出短信通知).",
      discussion: """
        Numbers are masked in table output unless --reveal. --search takes three or more digits \
        of a number, part of an SMS identifier, or a send result (e.g. 13).
        """)

    @Flag(name: .long, help: "Only notifications whose send result is not 0 (success).")
    var failed = false

    @Option(
      name: .long,
      help: ArgumentHelp("Digits of a number, part of an SMS identifier, or a send result.", valueName: "text"))
    var search: String?

    @Option(name: .long, help: "At most this many notifications.")
    var limit = Calls.defaultLimit

    @Option(name: .long, help: "Output format.")
    var format: ListFormat = .table

    @Flag(name: .long, help: "Mask numbers in JSON output too.")
    var mask = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
      guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
      var query = SMSQuery()
      query.failedOnly = failed
      query.search = search
      query.limit = limit
      let language = display.language
      let base = try knowledge.load(language: language)
      let callStore = try store.openDiagnosed(language: language, knowledge: base)
      let found: (rows: [SMSSummary], total: Int)
      do {
        found = try callStore.smsNotifications(matching: query)
      } catch {
        StandardError.write(error.message(in: language))
        throw ExitCode(ExitStatus.storeFailure)
      }
      if format == .json {
        try StandardOutput.print(SMSListing.json(found.rows, masked: mask), terminator: "")
      } else {
        let listing = SMSListing(display: display, language: language, knowledge: base)
        try StandardOutput.print(listing.table(found.rows, total: found.total, limit: limit), terminator: "")
      }
    }
  }
}
