import Foundation
import Testing

@testable import PNSDoctorCore

/// The checkout's knowledge base, loaded once for the tests.
enum KnowledgeFixtures {
  /// `Knowledge/` at the top of the checkout, found from this file's path.
  static let folder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Knowledge")

  static let loaded: (base: KnowledgeBase, issues: [KnowledgeIssue]) = KnowledgeLoader.load(directory: folder)

  static var base: KnowledgeBase { loaded.base }

  /// One example of one rule, named for test reports.
  struct ExampleCase: CustomTestStringConvertible, Sendable {
    var rule: Rule
    var example: RuleExample
    var triggering: Bool

    var testDescription: String {
      "\(rule.id) › \(triggering ? "triggers" : "does not trigger"): \(example.name)"
    }
  }

  static var allExamples: [ExampleCase] {
    base.rules.flatMap { rule in
      rule.examples.triggering.map { ExampleCase(rule: rule, example: $0, triggering: true) }
        + rule.examples.nonTriggering.map { ExampleCase(rule: rule, example: $0, triggering: false) }
    }
  }
}
