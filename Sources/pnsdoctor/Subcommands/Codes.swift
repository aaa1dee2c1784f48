import ArgumentParser
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor codes CODE`: what a number means in every table it appears in.
  struct Codes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain a code: hang-up cause, release point, Q.850, SIP, SMS result, API result (查询原因码).",
      discussion: "With --table and no code, lists the whole table.")

    @Argument(help: "The code, e.g. 8104.") var code: Int?

    @Option(
      name: .long,
      help:
        "Only this table: hangup-cause (state), release-point (release), q850-cause (q850), sip-status (sip), sms-send-result (sms), api-result-code (api).")
    var table: String?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
      if code == nil && table == nil { throw ValidationError("give a code, or --table to list a table") }
    }

    func run() throws {
      let language = display.language
      let base = try knowledge.load(language: language)
      let tables = base.tables.filter { table == nil || $0.isNamed(table ?? "") }
      guard !tables.isEmpty else {
        let names = base.tables.map { table in table.shortName.map { "\(table.id) (\($0))" } ?? table.id }
        throw ValidationError("unknown table '\(table ?? "")': one of \(names.joined(separator: ", "))")
      }
      var found: [(CodeTable, CodeEntry)] = []
      for candidate in tables {
        if let code {
          if let entry = candidate.entry(for: code) { found.append((candidate, entry)) }
        } else {
          found += candidate.entries.values.sorted { $0.code < $1.code }.map { (candidate, $0) }
        }
      }
      if format == .json {
        try StandardOutput.print(CodeJSON.encode(found, code: code, language: language), terminator: "")
      } else if found.isEmpty {
        // What was typed is echoed: it may be a number pasted by mistake.
        let typed = display.show(text: String(code ?? 0))
        try StandardOutput.print(language.pick("\(typed) is in no code table", "\(typed) 不在任何码表中"))
      } else {
        for (table, entry) in found {
          try StandardOutput.print(CodeText.render(entry, code: code ?? entry.code, table: table, language: language))
        }
      }
      if found.isEmpty { throw ExitCode(ExitStatus.partial) }
    }
  }
}

/// A code entry for people.
enum CodeText {
  static func render(_ entry: CodeEntry, code: Int, table: CodeTable, language: Language) -> String {
    let l = language
    var lines = [
      "\(table.title.text(in: l)) \(code)  [\(table.fields.joined(separator: ", "))]",
      "  " + entry.meaning.text(in: l),
    ]
    var facts = [l.pick("category: ", "类别：") + entry.category.rawValue]
    if let side = entry.side { facts.append(l.pick("side: ", "责任方：") + side.rawValue) }
    facts.append(l.pick("status: ", "可信度：") + entry.status.rawValue)
    if let http = entry.httpStatus { facts.append("HTTP \(http)") }
    lines.append("  " + facts.joined(separator: " · "))
    if let note = entry.note { lines.append("  " + l.pick("note: ", "说明：") + note.text(in: l)) }
    return lines.map { TerminalSanitizer.sanitize($0, limit: 2000) }.joined(separator: "\n")
  }
}

/// Code entries for scripts.
enum CodeJSON {
  private struct Entry: Encodable {
    var table, field: String
    var code: Int
    var meaning, category, status: String
    var side, note: String?
    var http: Int?
  }

  static func encode(_ found: [(CodeTable, CodeEntry)], code: Int?, language: Language) -> String {
    JSONText.encode(
      found.map { table, entry in
        Entry(
          table: table.id, field: table.fields.joined(separator: ","), code: code ?? entry.code,
          meaning: entry.meaning.text(in: language), category: entry.category.rawValue, status: entry.status.rawValue,
          side: entry.side?.rawValue, note: entry.note?.text(in: language), http: entry.httpStatus)
      })
  }
}
