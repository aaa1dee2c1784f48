import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor calls`: the stored calls, newest first.
  struct Calls: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List stored calls, newest first (列出呼叫记录).",
      discussion: """
        Numbers are masked in table output (+86138****0021) unless --reveal; --number matches the \
        full number all the same. JSON output is for scripts and is not masked unless --mask.
        Codes: 8104 matches any code field; state:8104, release:8059, q850:20, sip:480 match one.
        Times: yyyy-MM-dd[ HH:mm[:ss]] in the display zone, ISO with an offset, or 30m/2h/7d ago.
        """)

    @Flag(name: .long, help: "Only calls that ended without being answered.")
    var failed = false

    @Option(name: .long, help: ArgumentHelp("Only calls that started at or after this time.", valueName: "time"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only calls that started before this time.", valueName: "time"))
    var until: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Only calls to, from or through this number: a whole number matches exactly, three or more digits match every number containing them.",
        valueName: "number"))
    var number: String?

    @Option(
      name: .long, help: ArgumentHelp("Only calls with this code (e.g. 8104, q850:20, sip:480).", valueName: "code"))
    var code: String?

    @Option(name: .long, help: ArgumentHelp("Only calls of this mode: AX, AXB, AXE, AXYB or X.", valueName: "mode"))
    var mode: String?

    /// How many calls a listing shows unless told otherwise.
    static let defaultLimit = 50

    @Option(name: .long, help: "At most this many calls.")
    var limit = Calls.defaultLimit

    @Option(name: .long, help: "Output format.")
    var format: ListFormat = .table

    @Flag(name: .long, help: "Mask numbers in JSON output too.")
    var mask = false

    @Option(
      name: .long,
      help: ArgumentHelp("Only calls whose top stored cause is this rule (e.g. callee-powered-off).", valueName: "rule")
    )
    var cause: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
      guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
      if let number, !CallQuery.isNumberFilter(number) {
        throw ValidationError(
          "--number '\(number)': use a number, or at least \(CallQuery.shortestNumberFragment) of its digits")
      }
      if let code, CallQuery.CodeFilter(text: code) == nil {
        throw ValidationError("--code '\(code)': use a number, or state:, release:, q850: or sip: then a number")
      }
      if let mode, CallMode(userInput: mode) == nil {
        throw ValidationError("--mode '\(mode)': use AX, AXB, AXE, AXYB or X")
      }
    }

    func run() throws {
      var query = CallQuery()
      query.failedOnly = failed
      query.limit = limit
      query.number = number
      query.code = code.flatMap(CallQuery.CodeFilter.init(text:))
      query.mode = mode.flatMap(CallMode.init(userInput:))
      let times = display.timeDisplay
      let now = Timestamp.now
      for (name, text) in [("--since", since), ("--until", until)] {
        guard let text else { continue }
        guard let time = times.parseUserTime(text, now: now) else {
          throw ValidationError("\(name) '\(text)': use yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss], an ISO time, or 30m/2h/7d")
        }
        if name == "--since" { query.since = time } else { query.until = time }
      }
      let language = display.language
      let base = try knowledge.load(language: language)
      if let cause {
        guard base.rule(id: cause) != nil else {
          throw ValidationError("--cause '\(cause)': no such rule (see `pnsdoctor rules list`)")
        }
        query.causes = [cause]
      }
      try CallListing(store: store, display: display, knowledge: base).print(query, format: format, maskJSON: mask)
    }
  }
}
