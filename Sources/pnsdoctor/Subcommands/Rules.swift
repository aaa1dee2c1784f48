import ArgumentParser
import PNSDoctorCore

extension PNSDoctorCommand {
  /// `pnsdoctor rules list | show ID | lint | test [ID]`
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List, show, check and test the diagnosis rules (诊断规则).",
      subcommands: [List.self, Show.self, Lint.self, Test.self],
      defaultSubcommand: List.self)

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "List the rules.")
      @OptionGroup var knowledge: KnowledgeOptions
      @OptionGroup var display: DisplayOptions

      func run() throws {
        let base = try knowledge.load(language: display.language)
        let language = display.language
        let header = [language.pick("RULE", "规则"), language.pick("FOR", "对象"), language.pick("CATEGORY", "类别")]
        let width = max(base.rules.map(\.id.count).max() ?? 10, DisplayWidth.of(header[0]))
        func line(_ id: String, _ kind: String, _ category: String, _ title: String) -> String {
          DisplayWidth.fit(id, width: width) + "  " + DisplayWidth.fit(kind, width: 4) + "  "
            + DisplayWidth.fit(category, width: 8) + "  " + title
        }
        try StandardOutput.print(line(header[0], header[1], header[2], language.pick("TITLE", "标题")))
        for rule in base.rules {
          try StandardOutput.print(
            TerminalSanitizer.sanitize(
              line(rule.id, rule.appliesTo.rawValue, rule.category.rawValue, rule.title.text(in: language)), limit: 400))
        }
        try StandardOutput.print(language.pick("\(base.rules.count) rules", "共 \(base.rules.count) 条规则"))
      }
    }

    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Show one rule: its cause, next steps and examples.")
      @Argument(help: "The rule id.") var id: String
      @OptionGroup var knowledge: KnowledgeOptions
      @OptionGroup var display: DisplayOptions

      func run() throws {
        let language = display.language
        let base = try knowledge.load(language: language)
        guard let rule = base.rule(id: id) else {
          StandardError.write(
            language.pick("no rule `\(id)`; see `pnsdoctor rules list`", "没有规则 `\(id)`，请查看 `pnsdoctor rules list`"))
          throw ExitCode(ExitStatus.nothingRead)
        }
        try StandardOutput.print(RuleText(rule: rule, language: language).render(), terminator: "")
      }
    }

    struct Lint: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Check every knowledge file: schema, unique ids, examples, and code coverage.")
      @OptionGroup var knowledge: KnowledgeOptions
      @OptionGroup var display: DisplayOptions

      func run() throws {
        let (base, loadIssues) = knowledge.loadWithIssues()
        let coverage = KnowledgeCoverage(knowledge: base).tables()
        let issues = loadIssues + KnowledgeLinter.lint(base) + KnowledgeCoverage.issues(coverage)
        for issue in issues { try StandardOutput.print(TerminalSanitizer.sanitize(issue.description, limit: 2000)) }
        let language = display.language
        for table in coverage {
          let generic = table.onlyByFallback.count
          try StandardOutput.print(
            language.pick(
              "coverage \(table.table): \(table.explained)/\(table.codes) non-zero codes explained by a finding"
                + (generic > 0 ? " (\(generic) only by a generic rule)" : ""),
              "覆盖 \(table.table)：\(table.explained)/\(table.codes) 个非零码有诊断结论解释"
                + (generic > 0 ? "（其中 \(generic) 个仅由通用规则解释）" : "")))
        }
        let examples = base.rules.reduce(0) { $0 + $1.examples.triggering.count + $1.examples.nonTriggering.count }
        let errors = issues.filter { $0.severity == .error }.count
        try StandardOutput.print(
          language.pick(
            "\(base.tables.count) tables, \(base.rules.count) rules, \(examples) examples; \(errors) error(s), \(issues.count - errors) warning(s)",
            "\(base.tables.count) 张码表，\(base.rules.count) 条规则，\(examples) 个示例；错误 \(errors) 个，警告 \(issues.count - errors) 个"
          ))
        if errors > 0 { throw ExitCode(ExitStatus.knowledgeFailure) }
      }
    }

    struct Test: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Run the rules' examples and print pass or fail for each.")
      @Argument(help: "Only this rule.") var id: String?
      @OptionGroup var knowledge: KnowledgeOptions
      @OptionGroup var display: DisplayOptions

      func run() throws {
        let language = display.language
        let base = try knowledge.load(language: language)
        let rules = id.map { wanted in base.rules.filter { $0.id == wanted } } ?? base.rules
        guard !rules.isEmpty else {
          StandardError.write(language.pick("no rule `\(id ?? "")`", "没有规则 `\(id ?? "")`"))
          throw ExitCode(ExitStatus.nothingRead)
        }
        let runner = RuleExampleRunner(knowledge: base)
        var passed = 0
        var failed = 0
        for rule in rules {
          for result in runner.run(rule) {
            let kind = result.triggering ? "triggers" : "does not trigger"
            if result.passed {
              passed += 1
              try StandardOutput.print(
                TerminalSanitizer.sanitize("PASS  \(rule.id) › \(kind): \(result.example)", limit: 2000))
            } else {
              failed += 1
              try StandardOutput.print(
                TerminalSanitizer.sanitize("FAIL  \(rule.id) › \(kind): \(result.example)", limit: 2000))
              try StandardOutput.print(
                "      " + TerminalSanitizer.sanitize("\(result.location): \(result.detail)", limit: 2000))
            }
          }
        }
        try StandardOutput.print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(ExitStatus.knowledgeFailure) }
      }
    }
  }
}
