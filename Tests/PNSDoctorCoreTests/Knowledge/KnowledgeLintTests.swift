import Foundation
import PNSDoctorKnowledge
import Testing

@testable import PNSDoctorCore

@Suite("Knowledge lint and coverage")
struct KnowledgeLintTests {
  @Test func lintIsClean() {
    let issues = KnowledgeLinter.lint(KnowledgeFixtures.base)
    // The one warning allowed: a fallback rule every code of whose category has a rule of its own.
    let unexpected = issues.filter { issue in
      !(issue.severity == .warning && issue.keyPath == "examples.triggering"
        && KnowledgeFixtures.base.rules.first { $0.file == issue.file }?.isFallback == true)
    }
    #expect(unexpected.isEmpty, "\(unexpected.map(\.description).joined(separator: "\n"))")
  }

  @Test func aFallbackFindingShowsOnlyWhereNoSpecificFindingOfItsSideHolds() throws {
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    func rules(_ json: String) throws -> [String] {
      var reader = InputReader(source: InMemoryByteSource(name: "t", text: json))
      let messages = reader.readAll().records.map(\.message)
      let subject = try #require(DiagnosisSubject.subjects(from: messages).first)
      return engine.diagnose(subject).findings.map(\.ruleId)
    }
    let cdr = #"{"sessionId":"f-1","callerNum":"+8610000000001","bindNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","callEndTime":"2024-05-13 05:25:03","fwdUnaswRsn":17,"ulFailReason":8102,"sipStatusCode":486,"serviceType":"004"}"#
    let busy = try rules(cdr)
    #expect(busy.first == "callee-busy" && !busy.contains("callee-other"), "\(busy)")
    // Release point 8000 has no rule of its own: the platform's fallback speaks for it.
    let older = try rules(cdr.replacingOccurrences(of: #""fwdUnaswRsn":17,"ulFailReason":8102,"sipStatusCode":486"#, with: #""fwdUnaswRsn":0,"ulFailReason":8000,"sipStatusCode":0"#))
    #expect(older == ["platform-other"], "\(older)")
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
