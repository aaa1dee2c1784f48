import ArgumentParser
import PNSDoctorCore

/// Prints the stored calls a query selects, as a table or as JSON: what `calls` prints, and
/// what `pnsdoctor` prints off a terminal.
struct CallListing {
  let store: StoreOptions
  let display: DisplayOptions
  let knowledge: KnowledgeBase

  /// - Parameter maskJSON: masks numbers in JSON output too (tables are masked unless
  ///   `--reveal`).
  func print(_ query: CallQuery, format: ListFormat, maskJSON: Bool = false) throws {
    let language = display.language
    let callStore = try store.openDiagnosed(language: language, knowledge: knowledge)
    let calls: [CallSummary]
    let counts: StoreCounts
    var matching: Int?
    do {
      calls = try callStore.calls(matching: query)
      counts = try callStore.counts()
      // A full list may have been cut by the limit: the footer says how many matched.
      if format != .json && calls.count == query.limit { matching = try callStore.count(matching: query) }
    } catch {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
    if format == .json {
      try StandardOutput.print(CallJSON.encode(calls, masked: maskJSON), terminator: "")
    } else {
      let table = CallTable(display: display, language: language)
      try StandardOutput.print(
        table.render(calls, counts: counts, failedOnly: query.failedOnly, matching: matching, limit: query.limit),
        terminator: "")
    }
  }
}
