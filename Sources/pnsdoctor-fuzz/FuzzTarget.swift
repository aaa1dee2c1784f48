import Foundation
import PNSDoctorCore

/// What one fuzzing run exercises. Each goes through the same code the program runs: the input
/// target reads bytes as `import` and a paste do, then diagnoses what it read; the rules target
/// loads bytes as a rule file, then runs the rule's own examples against the real code tables;
/// the readers target reads bytes two ways that must agree; the store target reads a stored
/// call whose bundle holds the bytes.
///
/// The target is chosen by `PNSDOCTOR_FUZZ_TARGET` (`input`, `rules`, `readers` or `store`):
/// libFuzzer owns the
/// command line, and one instrumented program is half the build time of two.
enum FuzzTarget: String, CaseIterable, Sendable {
  case input
  case rules
  /// The same bytes read in different chunks, and by both JSON parsers (`ReaderDifferential`).
  case readers
  /// A stored call's compressed bundle, damaged (`StoreDecoderTarget`).
  case store

  /// The target named in the environment, `input` when none is.
  static func fromEnvironment() -> FuzzTarget? {
    let name = ProcessInfo.processInfo.environment["PNSDOCTOR_FUZZ_TARGET"] ?? "input"
    return FuzzTarget(rawValue: name)
  }

  /// Feeds one input to the code under test. A crash, a sanitizer report or a hang is the
  /// finding; what the code returns is not judged here (the bad-input tests judge it).
  func run(_ bytes: [UInt8]) {
    switch self {
    case .input: Self.readAndDiagnose(bytes)
    case .rules: Self.loadRuleAndRunExamples(bytes)
    case .readers: ReaderDifferential.run(bytes)
    case .store: StoreDecoderTarget.shared.run(bytes)
    }
  }

  private static func readAndDiagnose(_ bytes: [UInt8]) {
    let diagnoser = InputDiagnoser(knowledge: FuzzKnowledge.shared.base, store: nil)
    guard let (results, issues, _) = try? diagnoser.diagnose(InMemoryByteSource(name: "fuzz", bytes: bytes))
    else { return }
    // What a person would be shown: every message, id and piece of evidence, its numbers
    // masked and made safe for a terminal.
    func shown(_ text: String) { _ = TerminalSanitizer.sanitize(PhoneNumber.maskAll(in: text)) }
    for issue in issues { shown(issue.description) }
    for result in results {
      shown(result.diagnosis.id)
      for finding in result.diagnosis.findings {
        for item in finding.evidence { item.isPhoneNumber ? _ = PhoneNumber.mask(item.value) : shown(item.value) }
      }
    }
  }

  private static func loadRuleAndRunExamples(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let path = FuzzKnowledge.rulePath(for: text)
    let (loaded, _) = KnowledgeLoader.load(files: [(path: path, text: text)])
    guard !loaded.rules.isEmpty else { return }
    let knowledge = KnowledgeBase(tables: FuzzKnowledge.shared.base.tables, rules: loaded.rules)
    let runner = RuleExampleRunner(knowledge: knowledge)
    for rule in knowledge.rules { _ = runner.run(rule) }
    _ = KnowledgeLinter.lint(knowledge)
  }
}
