import Foundation
import Testing

/// Every command started with standard output or error closed (`>&-`, `2>&-`) or pointing at a
/// full disk (`/dev/full`): a defined exit, never a crash, and never a success when what it had
/// to say was lost. The store a command writes is never where its report goes.
@Suite("Closed and full standard output and error")
struct OutputFailureTests {
  /// How the command's standard streams are spoiled, as a shell redirection.
  enum Spoiled: String, CaseIterable, CustomTestStringConvertible {
    case closedOutput = ">&-"
    case closedError = "2>&-"
    case bothClosed = ">&- 2>&-"
    case bothFull = ">/dev/full 2>/dev/full"

    var testDescription: String { rawValue }
  }

  /// A command, what it writes when nothing goes wrong, and its status then.
  struct Case: CustomTestStringConvertible {
    var arguments: [String]
    var writesOutput: Bool
    var writesErrors: Bool
    var status: Int32 = 0

    var testDescription: String { arguments.joined(separator: " ") }

    /// The status expected when the streams are spoiled so: a command that failed anyway keeps
    /// its own status; one that succeeded but could not say all it had to exits 74.
    func expected(_ spoiled: Spoiled) -> Int32 {
      let lostOutput = writesOutput && spoiled != .closedError
      let lostErrors = writesErrors && spoiled != .closedOutput
      if status != 0 { return lostOutput ? 74 : status }
      return lostOutput || lostErrors ? 74 : 0
    }
  }

  /// A store with a few demo calls, its input, and a store path that does not exist yet.
  private struct Fixture {
    var folder: URL
    var data: String
    var store: String

    init() throws {
      folder = CommandRunner.temporaryFolder()
      data = folder.appendingPathComponent("demo.jsonl").path
      store = folder.appendingPathComponent("store.sqlite").path
      try #require(try CommandRunner.run(["demo", "--count", "40", "--out", data]).status == 0)
      try #require(try CommandRunner.run(["import", data, "--store", store]).status == 0)
    }
  }

  private func cases(_ fixture: Fixture) -> [Case] {
    let store = fixture.store
    return [
      Case(arguments: ["calls", "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["calls", "--format", "json", "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["sms", "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["diagnose", fixture.data, "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["codes", "8104"], writesOutput: true, writesErrors: false),
      Case(arguments: ["rules", "list"], writesOutput: true, writesErrors: false),
      Case(arguments: ["rules", "show", "account-frozen"], writesOutput: true, writesErrors: false),
      Case(arguments: ["rules", "lint"], writesOutput: true, writesErrors: false),
      Case(arguments: ["store", "migrate", "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["tui", "--store", store], writesOutput: true, writesErrors: false),
      Case(arguments: ["demo", "--count", "5", "--out", "-"], writesOutput: true, writesErrors: false),
      Case(
        arguments: ["demo", "--count", "5", "--out", fixture.folder.appendingPathComponent("d.jsonl").path],
        writesOutput: false, writesErrors: true),
      Case(arguments: ["--version"], writesOutput: true, writesErrors: false),
      Case(arguments: ["--help"], writesOutput: true, writesErrors: false),
      Case(arguments: ["calls", "--store", "/nonexistent/store.sqlite"], writesOutput: false, writesErrors: true, status: 74),
      Case(arguments: ["calls", "--bogus"], writesOutput: false, writesErrors: true, status: 64),
      Case(
        arguments: ["diagnose", "--session", "no-such-call", "--store", store], writesOutput: false,
        writesErrors: true, status: 2),
    ]
  }

  /// Runs `arguments` with its streams spoiled, through bash.
  private func run(_ arguments: [String], _ spoiled: Spoiled) throws -> CommandRunner.Result {
    try CommandRunner.run(arguments, launcher: ["/bin/bash", "-c", "exec \"$0\" \"$@\" " + spoiled.rawValue])
  }

  @Test(arguments: Spoiled.allCases)
  func everyCommandExitsAsDefined(_ spoiled: Spoiled) throws {
    let fixture = try Fixture()
    for command in cases(fixture) {
      // The status with nothing spoiled is the one the table claims (so the table is checked).
      let plain = try CommandRunner.run(command.arguments)
      #expect(plain.status == command.status, "\(command.testDescription): \(plain.errors)")
      #expect(!plain.output.isEmpty == command.writesOutput, "\(command.testDescription) output")
      #expect(!plain.errors.isEmpty == command.writesErrors, "\(command.testDescription): \(plain.errors)")

      let result = try run(command.arguments, spoiled)
      #expect(
        result.status == command.expected(spoiled),
        "\(command.testDescription) \(spoiled.rawValue): status \(result.status), \(result.errors)")
      if spoiled == .closedError {
        // Output unharmed by the closed error stream.
        #expect(result.output == plain.output, "\(command.testDescription)")
      }
    }
  }

  @Test func importWithBothStreamsClosedStoresEverythingAndSaysItCouldNotReport() throws {
    let fixture = try Fixture()
    let store = fixture.folder.appendingPathComponent("fresh.sqlite").path
    let result = try run(["import", fixture.data, "--store", store], .bothClosed)
    #expect(result.status == 74)
    // The store is whole and holds the calls: the report was not written into it.
    try StoreSnapshot.expectWhole(store)
    let listing = try CommandRunner.run(["calls", "--format", "json", "--limit", "1000", "--store", store])
    let reference = try CommandRunner.run(["calls", "--format", "json", "--limit", "1000", "--store", fixture.store])
    #expect(listing.status == 0 && listing.output == reference.output.replacingOccurrences(of: fixture.store, with: store))

    for spoiled in [Spoiled.closedOutput, .bothFull] {
      let again = try run(["import", fixture.data, "--store", store], spoiled)
      #expect(again.status == 74, "\(spoiled.rawValue)")
    }
    let quiet = try run(["import", fixture.data, "--store", store], .closedError)
    #expect(quiet.status == 0 && quiet.output.contains("duplicate"), "\(quiet.output)")
  }
}
