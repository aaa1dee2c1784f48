import Testing

@testable import PNSDoctorCore

/// Every example of every rule is a test: adding a rule with examples adds tests, no Swift
/// change needed.
@Suite("Rule examples")
struct RuleExampleTests {
  @Test("Knowledge loads without problems")
  func knowledgeLoads() {
    let problems = KnowledgeFixtures.loaded.issues.map(\.description)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    #expect(!KnowledgeFixtures.base.rules.isEmpty)
  }

  @Test(arguments: KnowledgeFixtures.allExamples)
  func example(_ example: KnowledgeFixtures.ExampleCase) {
    let runner = RuleExampleRunner(knowledge: KnowledgeFixtures.base)
    let result = runner.run(example.example, of: example.rule, triggering: example.triggering)
    #expect(result.passed, "\(result.location): \(result.detail)")
  }
}
