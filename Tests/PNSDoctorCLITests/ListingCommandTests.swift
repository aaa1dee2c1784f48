import Foundation
import Testing

/// `calls` and `sms` as a support engineer uses them: tables that fit the terminal, a footer
/// that says when the limit cut the list, number fragments, and usage errors for what cannot
/// be a number; and the small consistency points of the other commands.
@Suite("Listing commands")
struct ListingCommandTests {
  /// A store of 400 demo calls (made once), and the JSON of its calls.
  private static let stored: (store: String, json: String)? = {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("demo.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    guard (try? CommandRunner.run(["demo", "--count", "400", "--seed", "3", "--out", data]))?.status == 0,
      (try? CommandRunner.run(["import", data, "--store", store]))?.status == 0,
      let listed = try? CommandRunner.run(["calls", "--store", store, "--limit", "1000", "--format", "json"])
    else { return nil }
    return (store, listed.output)
  }()

  private static var fixture: (store: String, calls: [[String: Any]])? {
    guard let (store, json) = stored,
      let calls = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]]
    else { return nil }
    return (store, calls)
  }

  @Test func aTableFitsTheTerminalDroppingTheLeastUsefulColumnsFirst() throws {
    let (store, _) = try #require(Self.fixture)
    let wide = try CommandRunner.run(["calls", "--store", store, "--failed", "--limit", "20"], environment: ["COLUMNS": "400"])
    let narrow = try CommandRunner.run(["calls", "--store", store, "--failed", "--limit", "20"], environment: ["COLUMNS": "80"])
    #expect(wide.status == 0 && narrow.status == 0)
    let wideRows = wide.output.split(separator: "\n").dropLast()
    let narrowRows = narrow.output.split(separator: "\n").dropLast()
    #expect(wideRows.first?.contains("SESSION") == true && wideRows.first?.contains("CODES") == true)
    #expect(narrowRows.first?.contains("SESSION") == false && narrowRows.first?.contains("CODES") == false)
    #expect(narrowRows.allSatisfy { $0.count <= 80 }, "\(narrow.output)")
    // The causes are whole at 80 columns: the same rule ids and confidences as the wide table.
    func causes(_ rows: ArraySlice<Substring>) -> [String] {
      rows.dropFirst().compactMap { row in row.split(separator: " ").first { $0.hasSuffix("%") }.map(String.init) }
    }
    #expect(causes(narrowRows) == causes(wideRows))
    #expect(narrowRows.dropFirst().allSatisfy { !$0.contains("…") }, "\(narrow.output)")
    // Piped, with no COLUMNS, nothing is cut.
    let piped = try CommandRunner.run(["calls", "--store", store, "--failed", "--limit", "20"], environment: ["COLUMNS": ""])
    #expect(piped.output == wide.output)
  }

  @Test func theFooterSaysWhenTheLimitCutTheList() throws {
    let (store, calls) = try #require(Self.fixture)
    let failed = calls.filter { $0["outcome"] as? String == "failed" }.count
    let cut = try CommandRunner.run(["calls", "--store", store, "--failed", "--limit", "5"])
    #expect(cut.output.contains("showing 5 of \(failed) matching (--limit 5)"), "\(cut.output)")
    let whole = try CommandRunner.run(["calls", "--store", store, "--failed", "--limit", "1000"])
    #expect(!whole.output.contains("showing"))
    #expect(whole.output.contains("\(failed) shown"))
  }

  @Test func numberTakesFragmentsAndRefusesWhatIsNoNumber() throws {
    let (store, calls) = try #require(Self.fixture)
    let caller = try #require(calls.first?["caller"] as? String)
    let fragment = String(caller.suffix(6))
    let expected = Set(
      calls.filter { call in
        ["caller", "callee", "privacyNumber"].contains { (call[$0] as? String)?.contains(fragment) == true }
      }.compactMap { $0["sessionId"] as? String })
    let found = try CommandRunner.run(["calls", "--store", store, "--number", fragment, "--limit", "1000", "--format", "json"])
    #expect(found.status == 0, "\(found.errors)")
    let sessions = ((try? JSONSerialization.jsonObject(with: Data(found.output.utf8))) as? [[String: Any]])?
      .compactMap { $0["sessionId"] as? String }
    #expect(Set(sessions ?? []) == expected && !expected.isEmpty)
    // The whole number, in a national form, still matches exactly.
    let whole = try CommandRunner.run(["calls", "--store", store, "--number", String(caller.dropFirst(3)), "--format", "json"])
    #expect(whole.status == 0 && whole.output.contains(caller))
    for bad in ["abc", "12", "13800x"] {
      let refused = try CommandRunner.run(["calls", "--store", store, "--number", bad])
      #expect(refused.status == 64, "--number \(bad): \(refused.status)")
      #expect(refused.errors.contains("--number"), "\(refused.errors)")
    }
  }

  @Test func smsListsNotificationsWithTheirResultsMeaning() throws {
    let (store, _) = try #require(Self.fixture)
    let all = try CommandRunner.run(["sms", "--store", store, "--limit", "1000", "--format", "json"])
    #expect(all.status == 0, "\(all.errors)")
    let rows = try #require((try? JSONSerialization.jsonObject(with: Data(all.output.utf8))) as? [[String: Any]])
    #expect(!rows.isEmpty)
    let failedCount = rows.filter { ($0["sendResult"] as? Int).map { $0 != 0 } ?? false }.count
    let failed = try CommandRunner.run(["sms", "--store", store, "--failed", "--limit", "1000"])
    #expect(failed.output.contains("\(failedCount) shown"), "\(failed.output)")
    #expect(failed.output.contains("****"), "numbers are masked")
    #expect(!failed.output.contains(" 0 The message"), "a failed list shows no success")
  }

  @Test func codesTablesByShortNameRulesListHeaderAndOneConfidenceForm() throws {
    for (short, title) in [("sip", "SIP status"), ("q850", "Q.850"), ("state", "Hang-up cause"), ("release", "Release point"), ("sms", "SMS send result"), ("api", "API result code")] {
      let listed = try CommandRunner.run(["codes", "--table", short])
      #expect(listed.status == 0, "codes --table \(short): \(listed.errors)")
      #expect(listed.output.contains(title))
    }
    #expect(try CommandRunner.run(["codes", "--table", "nope"]).status == 64)
    let rules = try CommandRunner.run(["rules", "list"])
    #expect(rules.output.hasPrefix("RULE "), "\(rules.output.prefix(80))")
    let diagnosis = try CommandRunner.run(
      ["diagnose", "--store", "/nonexistent/none.sqlite"],
      input: Data(#"{"eventType":"disconnect","statusInfo":{"sessionId":"c-1","stateCode":8104}}"#.utf8))
    #expect(diagnosis.output.range(of: #"1\. \d+% "#, options: .regularExpression) != nil, "\(diagnosis.output)")
    #expect(!diagnosis.output.contains("[0."))
  }

  @Test func helpShowsEachDefaultOnceAndExactlyTheFormatsAccepted() throws {
    let calls = try CommandRunner.run(["calls", "--help"])
    #expect(calls.output.contains("values: table, json"))
    #expect(try CommandRunner.run(["calls", "--format", "text"]).status == 64)
    let diagnose = try CommandRunner.run(["diagnose", "--help"])
    #expect(diagnose.output.contains("values: text, json"))
    for command in ["calls", "diagnose", "codes", "import", "sms", "tui"] {
      let help = try CommandRunner.run([command, "--help"]).output
      #expect(!help.contains("(default: local). (default"), "\(command)")
      #expect(help.components(separatedBy: "default: local").count <= 2, "\(command)")
    }
  }
}
