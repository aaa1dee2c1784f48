import Testing

@testable import PNSDoctorCore

/// What PHP receivers log and PHP engineers paste reads as the same records as the JSON the
/// platform sent: array literals (also commented out with `//` or `#`), `var_export` and
/// `print_r` output.
@Suite("PHP pastes")
struct PHPInputTests {
  @Test(
    "A real-shaped CDR push and disconnect event read the same from PHP as from JSON",
    arguments: ["php-cdr-json-encode.php", "php-cdr-var-export.log", "php-cdr-print-r.log"])
  func sameRecordsAsJSON(fixture: String) throws {
    let json = try IngestHarness.readFixture("php-cdr.json")
    let php = try IngestHarness.readFixture(fixture)
    #expect(php.issues.isEmpty, "\(php.issues.map(\.description))")
    #expect(php.kinds == ["CDR", "call event"], "\(php.kinds)")
    #expect(php.messages == json.messages)
    // The records as kept: the same JSON, types included (`print_r` keeps "004" a string).
    #expect(php.records.map(\.raw) == json.records.map(\.raw))
  }

  @Test func theSameCallsAndDiagnosisAsJSON() throws {
    let engine = DiagnosisEngine(knowledge: KnowledgeFixtures.base)
    func diagnoses(_ fixture: String) throws -> [Diagnosis] {
      DiagnosisSubject.subjects(from: try IngestHarness.readFixture(fixture).messages).map { engine.diagnose($0) }
    }
    let json = try diagnoses("php-cdr.json")
    #expect(json.first?.findings.first?.ruleId == "callee-powered-off")
    for fixture in ["php-cdr-json-encode.php", "php-cdr-var-export.log", "php-cdr-print-r.log"] {
      #expect(try diagnoses(fixture) == json, "\(fixture)")
    }
  }

  @Test func shortAndLongArraysTrailingCommasKeywordsAndQuotes() throws {
    let outcome = try IngestHarness.read(
      text: """
        log: array('resultcode' => "1011006", 'resultdesc' => 'It\\'s under traffic control.', 'extra' => [TRUE, false, NULL, -1.5,],)
        # ['eventType' => 'disconnect', 'statusInfo' => ['sessionId' => 's-1', 'stateCode' => 8102,
        #   'timestamp' => '2024-05-13 05:25:41']]
        """)
    #expect(outcome.issues.isEmpty, "\(outcome.issues.map(\.description))")
    #expect(outcome.apiResponses.first?.resultCode == "1011006")
    #expect(outcome.apiResponses.first?.resultDescription == "It's under traffic control.")
    #expect(outcome.callEvents.first?.stateCode == 8102)
  }

  @Test func aBrokenPHPArrayIsLocatedInTheOriginalTextAndTheNextRecordStillReads() throws {
    let outcome = try IngestHarness.read(
      text: """
        [2024-05-13 05:25:04] local.INFO: cdr array (
          'eventType' => 'fee',
          'feeLst' => array (0 => array ('sessionId' => 'php-3', 'ulFailReason' => 8104 8105)),
        )
        {"eventType":"disconnect","statusInfo":{"sessionId":"after-1","timestamp":"2024-05-13 05:25:41","stateCode":8104}}
        """)
    #expect(outcome.shape == ["issue", "record"], "\(outcome.shape)")
    let issue = try #require(outcome.issues.first)
    #expect(issue.location.line == 1 && issue.location.column == 39, "\(issue.location)")
    #expect(issue.description.contains("(3:81)"), "\(issue.description)")
    #expect(outcome.sessionIds == ["after-1"])
  }

  @Test func aTruncatedPrintRIsReportedAsCutShort() throws {
    let full = try String(decoding: IngestHarness.fixtureBytes("php-cdr-print-r.log"), as: UTF8.self)
    let cut = String(full.prefix(400))
    let outcome = try IngestHarness.read(text: cut)
    #expect(outcome.records.isEmpty)
    #expect(outcome.issues.first?.description.contains("truncated") == true, "\(outcome.issues.map(\.description))")
  }

  @Test func wordsThatOnlyLookLikeArraysAreNotRecords() throws {
    let outcome = try IngestHarness.read(
      text: """
        2024-05-13 an array of calls (see below) and Array sizes; stdClass Objects everywhere
        {"eventType":"disconnect","statusInfo":{"sessionId":"only-1","timestamp":"2024-05-13 05:25:41","stateCode":8104}}
        """)
    #expect(outcome.shape == ["record"], "\(outcome.issues.map(\.description))")
  }
}
