import ArgumentParser
import Foundation
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor diagnose [FILE | -] [--session ID]`
  struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain why calls, SMS or API calls failed, with evidence and next steps (诊断).",
      discussion: """
        Reads anything `import` reads (a pasted CDR, event, SMS notification, API error, log line \
        or HTTP dump; records of one session are joined into one call), or a stored call with \
        --session. With a store (--store, $PNSDOCTOR_STORE, or the default store when it exists), \
        stored events of the same session are joined and neighbouring calls feed pattern rules.
        Exit status: 0 every input read, 1 some could not be, 2 none could.
        """)

    @Argument(help: ArgumentHelp("A file to diagnose, or - for standard input (the default).", valueName: "file"))
    var file: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Diagnose the stored calls with this session id (each, when the id was reused), or with the one id starting so (at least \(Self.shortestPrefix) characters).",
        valueName: "id"))
    var session: String?

    /// The shortest start of a session id looked up: shorter ones start nearly every id.
    static let shortestPrefix = 6
    /// How many ids an ambiguous start lists.
    static let candidatesShown = 10

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Mask numbers in JSON output too.")
    var mask = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
      if session != nil && file != nil { throw ValidationError("give a file or --session, not both") }
    }

    func run() throws {
      let language = display.language
      let base = try knowledge.load(language: language)
      let callStore = try openStore(language: language)
      let diagnoser = InputDiagnoser(knowledge: base, store: callStore)
      var results: [InputDiagnoser.Result] = []
      var issues: [ReadIssue] = []
      var read = 0
      do {
        if let session {
          // A session id the platform reused names several calls: each is diagnosed, newest first.
          var found = try diagnoser.diagnoseAll(sessionId: session)
          if found.isEmpty, let callStore, session.count >= Self.shortestPrefix {
            // Not a whole id: the start of one, when it names a single call's id.
            let candidates = try callStore.sessionIds(startingWith: session, limit: Self.candidatesShown)
            if candidates.count == 1 {
              found = try diagnoser.diagnoseAll(sessionId: candidates[0])
            } else if candidates.count > 1 {
              let listed = candidates.prefix(Self.candidatesShown).map { "  " + display.show(text: $0) }
              let more = candidates.count > Self.candidatesShown ? ["  …"] : []
              StandardError.write(
                language.pick(
                  "\(display.show(text: session)) starts several session ids; give more of it:",
                  "\(display.show(text: session)) 是多个 sessionId 的开头，请给出更长的部分：")
                  + "\n" + (listed + more).joined(separator: "\n"))
              throw ExitCode.validationFailure
            }
          }
          guard !found.isEmpty else {
            StandardError.write(
              language.pick(
                "no stored call with session id \(display.show(text: session))",
                "存储中没有 sessionId 为 \(display.show(text: session)) 的呼叫"))
            throw ExitCode(ExitStatus.nothingRead)
          }
          results = found
          read = found.count
        } else {
          if (file == nil || file == "-") && isatty(STDIN_FILENO) == 1 {
            // Nothing piped in: a person at a terminal is expected to paste.
            StandardError.write(
              language.pick(
                "Paste a CDR, event, SMS notification, API error or log lines, then press Ctrl-D on a new line (Ctrl-C cancels).",
                "请粘贴话单、事件、短信通知、接口错误或日志，然后在新的一行按 Ctrl-D 结束（Ctrl-C 取消）。"))
          }
          let source: FileDescriptorByteSource =
            (file == nil || file == "-") ? FileDescriptorByteSource() : try FileDescriptorByteSource(path: file ?? "-")
          (results, issues, read) = try diagnoser.diagnose(source)
        }
      } catch let issue as ReadIssue {
        issues.append(issue)
      } catch let error as StoreError {
        StandardError.write(error.message(in: language))
        throw ExitCode(ExitStatus.storeFailure)
      }
      if format == .json {
        try StandardOutput.print(
          DiagnosisJSON.encode(results, issues: issues, language: language, masked: mask), terminator: "")
      } else {
        try StandardOutput.print(
          DiagnosisText(display: display, language: language).render(results, issues: issues), terminator: "")
      }
      if read == 0 { throw ExitCode(ExitStatus.nothingRead) }
      if !issues.isEmpty { throw ExitCode(ExitStatus.partial) }
    }

    /// The store to join with: the one named, else the default one if it already exists.
    private func openStore(language: Language) throws -> CallStore? {
      let explicit =
        store.store != nil || ProcessInfo.processInfo.environment["PNSDOCTOR_STORE"].map { !$0.isEmpty } == true
      let exists = FileManager.default.fileExists(atPath: store.path)
      guard explicit || session != nil || exists else { return nil }
      if !exists && session == nil {
        // A paste is diagnosed on its own when the store named is not there; said, not refused.
        StandardError.write(
          language.pick(
            "note: no store at \(store.path); diagnosing without stored calls",
            "提示：\(store.path) 处没有存储；不结合已存储的呼叫进行诊断"))
        return nil
      }
      return try store.open(language: language)
    }
  }
}
