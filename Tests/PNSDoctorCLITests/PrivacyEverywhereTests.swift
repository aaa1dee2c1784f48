import Foundation
import Testing

/// One fake number put in every field of every kind of message and in every argument a person
/// can type; no human-facing output (report, table, diagnosis, error) shows it whole. The
/// numbers are fake: mainland 109…, a 400 service number 4000…, a Shanghai landline 021 0001….
@Suite("Privacy of every output, every field, every argument")
struct PrivacyEverywhereTests {
  static let mobile = "+8610912345678"
  static let service = "4000012345"
  static let landline = "02100012345"

  /// Forms in which a number counts as shown whole.
  static let whole = ["10912345678", service, landline, "2100012345"]

  static let sessionId = "1207_0_\(service)_20240513052457@callenabler246.huaweicaas.com"

  static let input: String = {
    let n = mobile
    let cdr =
      #"{"eventType":"fee","feeLst":[{"direction":1,"spId":"\#(n)","appKey":"\#(n)","icid":"\#(n)","bindNum":"\#(n)","sessionId":"\#(sessionId)","subscriptionId":"\#(n)","callerNum":"\#(n)","calleeNum":"\#(landline)","fwdDisplayNum":"\#(n)","fwdDstNum":"\#(service)","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":"\#(n)","ulFailReason":"\#(n)","sipStatusCode":"\#(n)","callOutUnaswRsn":"\#(n)","recordFlag":0,"recordDomain":"\#(n)","recordObjectName":"\#(n).wav","mptyId":"\#(n)","serviceType":"004","hostName":"\#(n)","userData":"call \#(n) back"}]}"#
    let event =
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"\#(sessionId)","timestamp":"2024-05-13 05:25:41","caller":"\#(n)","called":"\#(landline)","stateCode":"\#(n)","stateDesc":"user \#(n) busy","userData":"\#(n)"}}"#
    let badTime =
      #"{"eventType":"fee","feeLst":[{"sessionId":"bad-\#(n)","callInTime":"\#(n)","ulFailReason":0}]}"#
    let badCode =
      #"{"eventType":"fee","feeLst":[{"sessionId":"bad2","ulFailReason":"x\#(n)"}]}"#
    let sms =
      #"{"appKey":"\#(n)","smsEvent":{"smsIdentifier":"\#(n)","notificationMode":"Notify","calling":"\#(n)","called":"\#(landline)","virtualNumber":"\#(service)","event":"Text SMS","timeStamp":"2024-05-13T05:24:57.450Z","smsContent":"call \#(n)","sendResult":2}}"#
    let api = #"{"resultcode":"1010010","resultdesc":"Invalid number \#(n) and \#(service)"}"#
    return [cdr, event, badTime, badCode, sms, api].joined(separator: "\n") + "\n"
  }()

  /// A store holding one call, so that a command gets as far as reading its arguments.
  static func smallStore(in folder: URL) throws -> String {
    let file = folder.appendingPathComponent("one.jsonl")
    try Data((#"{"eventType":"callin","statusInfo":{"sessionId":"one","timestamp":"2024-05-13 05:24:57"}}"# + "\n").utf8)
      .write(to: file)
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["import", file.path, "--store", store]).status == 0)
    return store
  }

  private func expectNoWholeNumber(_ result: CommandRunner.Result, _ what: String) {
    for (stream, text) in [("stdout", result.output), ("stderr", result.errors)] {
      for number in Self.whole where text.contains(number) {
        let line = text.split(separator: "\n").first { $0.contains(number) } ?? ""
        Issue.record("\(what) \(stream) shows \(number) whole: \(line)")
      }
    }
  }

  @Test func aNumberInEveryFieldIsMaskedInEveryHumanOutput() throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("numbers.jsonl")
    try Data(Self.input.utf8).write(to: file)
    let store = folder.appendingPathComponent("store.sqlite").path

    let imported = try CommandRunner.run(["import", file.path, "--store", store])
    #expect(imported.status == 1, "the bad time and the bad code are rejected: \(imported.output)")
    expectNoWholeNumber(imported, "import")
    for arguments in [
      ["calls", "--store", store], ["calls", "--failed", "--store", store],
      ["calls", "--format", "json", "--mask", "--store", store],
      ["sms", "--store", store], ["sms", "--format", "json", "--mask", "--store", store],
      ["diagnose", file.path, "--store", store], ["diagnose", file.path, "--format", "json", "--mask"],
      ["diagnose", "--session", Self.sessionId, "--store", store],
      ["diagnose", "--session", Self.sessionId, "--store", store, "--format", "json", "--mask"],
      ["tui", "--store", store],
    ] {
      let result = try CommandRunner.run(arguments)
      #expect(result.status <= 1, "\(arguments): \(result.errors)")
      expectNoWholeNumber(result, arguments.joined(separator: " "))
    }
    let pasted = try CommandRunner.run(["diagnose", "-"], input: Data(Self.input.utf8))
    expectNoWholeNumber(pasted, "diagnose -")
  }

  @Test(arguments: [
    ["calls", "--since", mobile], ["calls", "--until", "10912345678"], ["calls", "--tz", mobile],
    ["calls", "--cause", mobile], ["calls", "--mode", mobile], ["calls", "--code", mobile],
    ["calls", "--number", "x" + mobile], ["calls", "--limit", mobile], ["calls", "--lang", mobile],
    ["codes", mobile], ["codes", "--table", mobile], ["codes", "10912345678"], ["rules", "show", mobile],
    ["diagnose", "--session", mobile], ["import", "/nonexistent/" + mobile + ".jsonl"],
    ["calls", "--store", "/nonexistent/" + mobile + ".sqlite"], ["sms", "--since", service],
    ["calls", "--" + mobile],
  ])
  func aNumberTypedInAnArgumentIsMaskedInTheMessage(arguments: [String]) throws {
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var full = arguments
    if !arguments.contains("--store") && arguments.first != "codes" && arguments.first != "rules" {
      full += ["--store", try Self.smallStore(in: folder)]
    }
    let result = try CommandRunner.run(full)
    #expect(result.status != 0 || arguments.first == "calls", "\(arguments)")
    expectNoWholeNumber(result, arguments.joined(separator: " "))
  }

  @Test func maskingNeverJoinsANumberWithTheTextAroundIt() throws {
    // Dates and times next to digits are not numbers; a grouped number keeps its groups apart
    // from what follows.
    let folder = CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Self.smallStore(in: folder)
    for (typed, quoted) in [
      ("+275760-09-13T00:00:00Z", "+275760-09-13T00:00:00Z"), ("10000-01-01 00:00:00", "10000-01-01 00:00:00"),
    ] {
      let result = try CommandRunner.run(["calls", "--since", typed, "--store", store])
      #expect(result.status != 0)
      #expect(result.errors.contains(quoted), "\(typed): \(result.errors)")
    }
  }
}
