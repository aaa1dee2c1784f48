import Foundation
import Testing

/// Output piped to a reader that stops early (`| head`): the command ends by SIGPIPE, as every
/// Unix tool does, quietly (no "Broken pipe" error, no crash report), and a store it reads is
/// left as it was.
@Suite("Output cut short")
struct OutputCutShortTests {
  /// Runs `command | head -c 200` in bash; returns the status of the command just before `head`
  /// (pnsdoctor), what it wrote on standard error, and what came through.
  private func pipeline(_ command: String) throws -> (status: Int32, errors: String, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    let executable = "'" + CommandRunner.executable.path + "'"
    process.arguments = [
      "-c",
      command.replacingOccurrences(of: "PNSDOCTOR", with: executable)
        + " 2>errors.txt | head -c 200; status=${PIPESTATUS[-2]}; echo; echo STATUS-$status",
    ]
    let folder = CommandRunner.temporaryFolder()
    process.currentDirectoryURL = folder
    let output = Pipe()
    process.standardOutput = output
    let drain = PipeDrain(output)
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: drain.wait(), as: UTF8.self)
    let errors = (try? String(contentsOf: folder.appendingPathComponent("errors.txt"), encoding: .utf8)) ?? ""
    let status = text.components(separatedBy: "STATUS-").last.flatMap {
      Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return (status ?? -1, errors, text)
  }

  @Test func demoCallsAndDiagnoseEndQuietlyWhenTheReaderStops() throws {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("demo.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["demo", "--count", "3000", "--out", data]).status == 0)
    try #require(try CommandRunner.run(["import", data, "--store", store]).status == 0)
    let before = try StoreSnapshot(store)
    for command in [
      "PNSDOCTOR demo --count 200000 --out -",
      "PNSDOCTOR calls --limit 100000 --store '\(store)'",
      "PNSDOCTOR calls --limit 100000 --format json --store '\(store)'",
      "head -c 3000000 '\(data)' | PNSDOCTOR diagnose --store '\(store)'",
    ] {
      let result = try pipeline(command)
      #expect(result.status == 128 + SIGPIPE, "\(command): \(result.output.suffix(40))")
      #expect(result.errors.isEmpty, "\(command): \(result.errors)")
    }
    try StoreSnapshot.expectWhole(store)
    #expect(try StoreSnapshot(store) == before)
  }
}
