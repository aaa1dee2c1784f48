import Foundation
import Testing

@Suite("diagnose, codes and rules commands")
struct DiagnoseCommandTests {
  private let poweredOff =
    #"{"eventType":"disconnect","statusInfo":{"sessionId":"d-1","timestamp":"2024-05-13 05:25:41","caller":"+8610000000021","called":"+8610100000002","stateCode":8104,"stateDesc":"The callee is powered off."}}"#

  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func aPastedPoweredOffEventNamesCalleePoweredOffFirstInTheDocumentedShape() throws {
    let folder = CommandRunner.temporaryFolder()
    let result = try CommandRunner.run(
      ["diagnose", "--format", "json", "--store", folder.appendingPathComponent("s.sqlite").path],
      input: Data(poweredOff.utf8))
    #expect(result.status == 0, "\(result.errors)")
    let body = try json(result.output)
    #expect(Set(body.keys) == ["results", "errors"])
    let results = try #require(body["results"] as? [[String: Any]])
    let first = try #require(results.first)
    #expect(Set(first.keys) == ["kind", "id", "verdict", "findings", "delivery"])
    #expect(first["kind"] as? String == "call")
    #expect(first["id"] as? String == "d-1")
    #expect(first["verdict"] as? String == "failed")
    let findings = try #require(first["findings"] as? [[String: Any]])
    let top = try #require(findings.first)
    #expect(Set(top.keys) == ["rule", "confidence", "title", "cause", "nextSteps", "evidence"])
    #expect(top["rule"] as? String == "callee-powered-off")
    let confidences = findings.compactMap { $0["confidence"] as? Double }
    #expect(confidences == confidences.sorted(by: >))
    let evidence = try #require((top["evidence"] as? [[String: Any]])?.first)
    #expect(Set(evidence.keys) == ["field", "value", "meaning"])
    #expect(evidence["field"] as? String == "stateCode")
    #expect(evidence["value"] as? String == "8104")
    #expect((body["errors"] as? [Any])?.isEmpty == true)
  }

  @Test func aBlockSMSAwaitingTheCustomersAnswerIsPendingNotUnknownNorFailed() throws {
    let block =
      #"{"appKey":"****","smsEvent":{"smsIdentifier":"blk-1","notificationMode":"Block","calling":"+8610000000021","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:24:57.123Z","sendResult":0}}"#
    let store = CommandRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
    let text = try CommandRunner.run(["diagnose", "-", "--lang", "en", "--store", store], input: Data(block.utf8))
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("verdict: pending"), "\(text.output)")
    #expect(text.output.contains("Waiting for your server's answer"))
    #expect(!text.output.contains("No rule explains this yet"))
    let chinese = try CommandRunner.run(["diagnose", "-", "--lang", "zh", "--store", store], input: Data(block.utf8))
    #expect(chinese.output.contains("待应答") && chinese.output.contains("等待客户服务器"))
    let json = try CommandRunner.run(["diagnose", "--format", "json", "--store", store], input: Data(block.utf8))
    let first = try #require((try self.json(json.output)["results"] as? [[String: Any]])?.first)
    #expect(first["verdict"] as? String == "pending")
  }

  @Test func textIsChineseInAChineseLocaleAndMasksNumbers() throws {
    let result = try CommandRunner.run(
      ["diagnose", "-", "--store", CommandRunner.temporaryFolder().appendingPathComponent("s.sqlite").path],
      input: Data(poweredOff.utf8), environment: ["LANG": "zh_CN.UTF-8"])
    #expect(result.status == 0)
    #expect(result.output.contains("被叫关机或不在服务区"))
    #expect(result.output.contains("处理建议"))
    #expect(result.output.contains("+86100****0021"))
    #expect(!result.output.contains("+8610000000021"))
    let english = try CommandRunner.run(
      ["diagnose", "--lang", "en", "--store", CommandRunner.temporaryFolder().appendingPathComponent("s.sqlite").path],
      input: Data(poweredOff.utf8), environment: ["LANG": "zh_CN.UTF-8"])
    #expect(english.output.contains("Callee's phone off or out of coverage"))
  }

  @Test func exitStatusAndErrorsForUnreadableInput() throws {
    let store = CommandRunner.temporaryFolder().appendingPathComponent("s.sqlite").path
    let mixed = try CommandRunner.run(
      ["diagnose", "--format", "json", "--store", store],
      input: Data((poweredOff + "\n{\"eventType\":\"fee\",\"feeLst\":[{\n").utf8))
    #expect(mixed.status == 1)
    let errors = try #require(try json(mixed.output)["errors"] as? [[String: Any]])
    #expect(errors.first?["location"] as? String == "<stdin>:2:1")
    #expect((errors.first?["message"] as? String)?.contains("truncated") == true)
    let nothing = try CommandRunner.run(["diagnose", "--store", store], input: Data("no json here\n".utf8))
    #expect(nothing.status == 2)
  }

  @Test func aStoredCallIsDiagnosedBySessionAndJoinedWithWhatIsPasted() throws {
    let folder = CommandRunner.temporaryFolder()
    let store = folder.appendingPathComponent("s.sqlite").path
    let cdr =
      #"{"eventType":"fee","feeLst":[{"sessionId":"d-1","callerNum":"+8610000000021","bindNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:25:30","fwdStartTime":"2024-05-13 05:25:31","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":20,"ulFailReason":8104,"sipStatusCode":480,"serviceType":"004","subscriptionId":"b-1"}]}"#
    let input = folder.appendingPathComponent("fee.log")
    try cdr.write(to: input, atomically: true, encoding: .utf8)
    #expect(try CommandRunner.run(["import", input.path, "--store", store]).status == 0)
    let stored = try CommandRunner.run(["diagnose", "--session", "d-1", "--format", "json", "--store", store])
    #expect(stored.status == 0)
    let findings = try #require(
      ((try json(stored.output)["results"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
    let fields = (findings.first?["evidence"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
    #expect(findings.first?["rule"] as? String == "callee-powered-off")
    #expect(fields.contains("ulFailReason") && fields.contains("fwdUnaswRsn"))
    // The pasted event joins the stored CDR: the evidence now has the event's stateCode too.
    let joined = try CommandRunner.run(
      ["diagnose", "--format", "json", "--store", store], input: Data(poweredOff.utf8))
    let joinedFields =
      (((try json(joined.output)["results"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first?[
        "evidence"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
    #expect(joinedFields.contains("stateCode") && joinedFields.contains("ulFailReason"))
    let missing = try CommandRunner.run(["diagnose", "--session", "nope", "--store", store])
    #expect(missing.status == 2)
  }

  @Test func aSessionIdStartFindsItsOneCallOrListsTheCandidates() throws {
    let folder = CommandRunner.temporaryFolder()
    let store = folder.appendingPathComponent("s.sqlite").path
    func record(_ id: String) -> String {
      #"{"sessionId":"\#(id)","callerNum":"+8610000000021","bindNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:25:30","fwdStartTime":"2024-05-13 05:25:31","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":20,"ulFailReason":8104,"sipStatusCode":480,"serviceType":"004"}"#
    }
    let input = folder.appendingPathComponent("fee.log")
    try [record("1207_41_4294967295_x@host"), record("1207_42_4294967295_y@host")].joined(separator: "\n")
      .write(to: input, atomically: true, encoding: .utf8)
    #expect(try CommandRunner.run(["import", input.path, "--store", store]).status == 0)
    let unique = try CommandRunner.run(["diagnose", "--session", "1207_41", "--format", "json", "--store", store])
    #expect(unique.status == 0)
    #expect(unique.output.contains("1207_41_4294967295_x@host"))
    let ambiguous = try CommandRunner.run(["diagnose", "--session", "1207_4", "--store", store])
    #expect(ambiguous.status == 64)
    #expect(ambiguous.errors.contains("1207_41_4294967295_x@host") && ambiguous.errors.contains("1207_42_4294967295_y@host"))
    // Shorter than six characters: not looked up as a start.
    #expect(try CommandRunner.run(["diagnose", "--session", "1207", "--store", store]).status == 2)
  }

  @Test func codesExplainsANumberInEveryTable() throws {
    let result = try CommandRunner.run(["codes", "8104"])
    #expect(result.status == 0)
    #expect(result.output.contains("Hang-up cause 8104"))
    #expect(result.output.contains("Release point 8104"))
    let q850 = try CommandRunner.run(["codes", "20", "--table", "q850-cause", "--format", "json"])
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(q850.output.utf8)) as? [[String: Any]])
    #expect(entries.count == 1)
    #expect(entries.first?["category"] as? String == "callee")
    #expect(try CommandRunner.run(["codes", "99999999"]).status == 1)
  }

  @Test func rulesLintAndTestAreCleanAndTheKnowledgeTravelsWithTheBinary() throws {
    // Run from an unrelated folder: the knowledge is built into the program.
    let elsewhere = CommandRunner.temporaryFolder()
    let lint = try CommandRunner.run(["rules", "lint"], directory: elsewhere)
    #expect(lint.status == 0, "\(lint.output)")
    #expect(lint.output.contains("0 error(s)"))
    #expect(lint.output.contains("coverage release-point"))
    let test = try CommandRunner.run(["rules", "test"], directory: elsewhere)
    #expect(test.status == 0)
    #expect(test.output.contains(" passed, 0 failed"))
    let show = try CommandRunner.run(["rules", "show", "carrier-blocking", "--lang", "zh"], directory: elsewhere)
    #expect(show.output.contains("运营商拦截隐私号呼叫"))
  }

  @Test func aMissingOrBrokenKnowledgeBaseIsAClearError() throws {
    let missing = try CommandRunner.run(
      ["diagnose", "--knowledge", "/nonexistent/knowledge"], input: Data(poweredOff.utf8))
    #expect(missing.status == 65)
    #expect(missing.errors.contains("no usable knowledge base"))
    let folder = CommandRunner.temporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("rules/callee"), withIntermediateDirectories: true)
    try "id: [unclosed\n".write(
      to: folder.appendingPathComponent("rules/callee/broken.yaml"), atomically: true, encoding: .utf8)
    let lint = try CommandRunner.run(["rules", "lint", "--knowledge", folder.path])
    #expect(lint.status == 65)
    #expect(lint.output.contains("rules/callee/broken.yaml:"))
    #expect(lint.output.contains("invalid YAML"))
  }
}
