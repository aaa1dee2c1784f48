import Foundation
import Testing

@Suite("pnsdoctor end to end")
struct EndToEndTests {
  private let cdr =
    #"{"eventType":"fee","feeLst":[{"direction":1,"spId":"sp","appKey":"****","icid":"i1","bindNum":"+8612000000001","sessionId":"e2e-1","subscriptionId":"b1","callerNum":"+8610000000021","calleeNum":"+8612000000001","fwdDisplayNum":"+8612000000001","fwdDstNum":"+8610300000003","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":20,"ulFailReason":8104,"sipStatusCode":480,"serviceType":"004"}]}"#

  @Test func importThenListWithMaskingAndNumberSearch() throws {
    let folder = CommandRunner.temporaryFolder()
    let store = folder.appendingPathComponent("s.sqlite").path
    let input = folder.appendingPathComponent("fee.log")
    try (cdr + "\n" + cdr + "\n").write(to: input, atomically: true, encoding: .utf8)

    let first = try CommandRunner.run(["import", input.path, "--store", store])
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.output.contains("read 2, new 1, duplicate 1, rejected 0"))
    let again = try CommandRunner.run(["import", input.path, "--store", store])
    #expect(again.output.contains("read 0, new 0, duplicate 0, rejected 0"), "\(again.output)")
    #expect(again.output.contains("1 input(s) already imported whole and unchanged since: nothing new"))

    let table = try CommandRunner.run(["calls", "--failed", "--store", store, "--tz", "+08:00"])
    #expect(table.status == 0)
    #expect(table.output.contains("+86100****0021"))
    #expect(!table.output.contains("+8610000000021"))
    #expect(table.output.contains("2024-05-13 13:24:57"), "shown in UTC+8")
    #expect(table.output.contains("release=8104"))

    let found = try CommandRunner.run(["calls", "--number", "10000000021", "--store", store])
    #expect(found.output.contains("e2e-1"))
    #expect(found.output.contains("+86100****0021"))
    let revealed = try CommandRunner.run(["calls", "--reveal", "--store", store])
    #expect(revealed.output.contains("+8610000000021"))

    let json = try CommandRunner.run(["calls", "--format", "json", "--store", store])
    let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
    let call = try #require(decoded?.first)
    #expect(call["caller"] as? String == "+8610000000021")
    #expect(call["releasePoint"] as? Int == 8104)
    #expect(call["cdrDeliveries"] as? Int == 2)
    #expect(call["startTime"] as? String == "2024-05-13T05:24:57Z")
    // The diagnosis stored at import: the cause, and the rule it came from.
    #expect(call["verdict"] as? String == "failed")
    #expect(call["cause"] as? String == "callee-powered-off")
    #expect(table.output.contains("callee-powered-off"))
    let byCause = try CommandRunner.run(["calls", "--cause", "callee-powered-off", "--store", store])
    #expect(byCause.output.contains("e2e-1"))
    let otherCause = try CommandRunner.run(["calls", "--cause", "callee-busy", "--store", store])
    #expect(!otherCause.output.contains("e2e-1"))
    let unknownRule = try CommandRunner.run(["calls", "--cause", "no-such-rule", "--store", store])
    #expect(unknownRule.status != 0 && unknownRule.errors.contains("no such rule"))
  }

  @Test func exitStatusSaysHowMuchWasRead() throws {
    let folder = CommandRunner.temporaryFolder()
    let store = folder.appendingPathComponent("s.sqlite").path
    let mixed = folder.appendingPathComponent("mixed.log")
    try (cdr + "\n{\"eventType\":\"fee\",\"feeLst\":[{\"sessionId\":\n").write(
      to: mixed, atomically: true, encoding: .utf8)
    let partial = try CommandRunner.run(["import", mixed.path, "--store", store])
    #expect(partial.status == 1)
    #expect(partial.output.contains("mixed.log:2:1: truncated record"))

    let empty = folder.appendingPathComponent("empty.log")
    try Data().write(to: empty)
    let nothing = try CommandRunner.run(["import", empty.path, "--store", store])
    #expect(nothing.status == 2)
    #expect(nothing.output.contains("empty input"))

    let gzip = folder.appendingPathComponent("pushes.log.gz")
    try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]).write(to: gzip)
    let compressed = try CommandRunner.run(["import", gzip.path, "--store", store, "--lang", "zh"])
    #expect(compressed.status == 2)
    #expect(compressed.output.contains("gzip 压缩文件"))

    let missing = try CommandRunner.run(["import", folder.appendingPathComponent("nope").path, "--store", store])
    #expect(missing.status == 2)
    #expect(missing.output.contains("no such file"))
  }

  @Test func standardInputAndFolders() throws {
    let folder = CommandRunner.temporaryFolder()
    let store = folder.appendingPathComponent("s.sqlite").path
    let piped = try CommandRunner.run(["import", "-", "--store", store, "--format", "json"], input: Data(cdr.utf8))
    #expect(piped.status == 0)
    #expect(piped.output.contains("\"new\" : 1"))

    let tree = folder.appendingPathComponent("logs/day1")
    try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
    try cdr.replacingOccurrences(of: "e2e-1", with: "e2e-2").write(
      to: tree.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    try "ignored".write(to: tree.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
    let recursive = try CommandRunner.run(["import", folder.appendingPathComponent("logs").path, "--store", store])
    #expect(recursive.status == 0)
    #expect(recursive.output.contains("read 1, new 1"))
  }

  @Test func demoWritesDeterministicDataAndBadOptionsAreExplained() throws {
    let folder = CommandRunner.temporaryFolder()
    let first = folder.appendingPathComponent("a.jsonl").path
    let second = folder.appendingPathComponent("b.jsonl").path
    #expect(try CommandRunner.run(["demo", "--count", "50", "--seed", "4", "--out", first]).status == 0)
    #expect(try CommandRunner.run(["demo", "--count", "50", "--seed", "4", "--out", second]).status == 0)
    #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))

    let badZone = try CommandRunner.run([
      "calls", "--tz", "Mars/Olympus", "--store", folder.appendingPathComponent("s").path,
    ])
    #expect(badZone.status == 64)
    #expect(badZone.errors.contains("unknown time zone"))
    let badCode = try CommandRunner.run(["calls", "--code", "oops", "--store", folder.appendingPathComponent("s").path])
    #expect(badCode.status == 64)
  }

  @Test func demoModeShowsFailedCalls() throws {
    let result = try CommandRunner.run(["--demo", "--demo-count", "300"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("Newest failed calls"))
    #expect(result.output.contains("failed"))
    #expect(result.output.contains("****"))
  }
}
