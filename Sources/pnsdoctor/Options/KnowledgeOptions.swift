import ArgumentParser
import Foundation
import PNSDoctorCore
import PNSDoctorKnowledge

/// `--knowledge DIR`: which knowledge base to use (default: the one built into the program).
struct KnowledgeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A knowledge folder to use instead of the built-in one (or $PNSDOCTOR_KNOWLEDGE), for rule authors.",
      valueName: "dir"))
  var knowledge: String?

  /// Where the knowledge comes from, for messages.
  var origin: String {
    knowledge ?? ProcessInfo.processInfo.environment["PNSDOCTOR_KNOWLEDGE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "(built in)"
  }

  /// Loads the knowledge with every problem found.
  func loadWithIssues() -> (KnowledgeBase, [KnowledgeIssue]) {
    if origin != "(built in)" {
      return KnowledgeLoader.load(directory: URL(fileURLWithPath: origin))
    }
    return KnowledgeLoader.load(files: BundledKnowledge.files)
  }

  /// Loads the knowledge for diagnosing: problems are reported on standard error and the rules
  /// that have them are left out; a knowledge base with nothing usable stops the command.
  func load(language: Language) throws -> KnowledgeBase {
    let (base, issues) = loadWithIssues()
    let errors = issues.filter { $0.severity == .error }
    if !errors.isEmpty {
      StandardError.write(
        language.pick(
          "warning: the knowledge base \(origin) has \(errors.count) problem(s); the rules concerned are left out (run `pnsdoctor rules lint`):",
          "警告：知识库 \(origin) 有 \(errors.count) 个问题，相关规则已跳过（请运行 `pnsdoctor rules lint`）："))
      for issue in errors.prefix(5) {
        StandardError.write("  " + TerminalSanitizer.sanitize(issue.description, limit: 300))
      }
    }
    guard !base.tables.isEmpty || !base.rules.isEmpty else {
      StandardError.write(
        language.pick(
          "error: no usable knowledge base at \(origin)", "错误：\(origin) 没有可用的知识库"))
      throw ExitCode(ExitStatus.knowledgeFailure)
    }
    return base
  }
}
