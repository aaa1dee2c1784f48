import Foundation
import PNSDoctorKnowledge
import Testing

@testable import PNSDoctorCore

@Suite("Knowledge lint and coverage")
struct KnowledgeLintTests {
  @Test func lintIsClean() {
    let issues = KnowledgeLinter.lint(KnowledgeFixtures.base).map(\.description)
    #expect(issues.isEmpty, "\(issues.joined(separator: "\n"))")
  }

  @Test func everyNonZeroCodeOfEveryTableIsReached() {
    let coverage = KnowledgeLinter.coverage(of: KnowledgeFixtures.base)
    #expect(coverage.count == 6)
    for table in coverage {
      #expect(table.unreached.isEmpty, "\(table.table): \(table.unreached)")
      #expect(table.codes > 0)
    }
  }

  @Test func theRequiredRulesExist() {
    for id in [
      "callee-powered-off", "axe-extension-misdial", "carrier-blocking", "sms-intercepted", "sms-not-forwarded",
    ] {
      #expect(KnowledgeFixtures.base.rule(id: id) != nil, "missing rule \(id)")
    }
  }

  @Test func theEmbeddedKnowledgeIsTheCheckoutsKnowledge() throws {
    let embedded = Dictionary(uniqueKeysWithValues: BundledKnowledge.files.map { ($0.path, $0.text) })
    let walker = try #require(
      FileManager.default.enumerator(at: KnowledgeFixtures.folder, includingPropertiesForKeys: nil))
    var onDisk: [String: String] = [:]
    let root = KnowledgeFixtures.folder.standardizedFileURL.path
    for case let file as URL in walker where file.pathExtension == "yaml" {
      onDisk[String(file.standardizedFileURL.path.dropFirst(root.count + 1))] = try String(
        contentsOf: file, encoding: .utf8)
    }
    #expect(Set(embedded.keys) == Set(onDisk.keys))
    for (path, text) in onDisk {
      #expect(embedded[path] == text, "\(path) differs from the embedded copy: rebuild")
    }
  }
}
