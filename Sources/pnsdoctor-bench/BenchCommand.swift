import ArgumentParser
import Foundation
import PNSDoctorCore

/// `swift run -c release pnsdoctor-bench [--calls N]`: measures pnsdoctor on N calls of demo
/// data, next to jq, lnav and sqlite3 on the same data, and prints one table (also as JSON).
@main
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pnsdoctor-bench",
    abstract: "Measure pnsdoctor on generated data, next to jq, lnav and sqlite3.",
    discussion: """
      Generates the data once in a temporary folder, runs each step as its own process (as a
      person would) and prints one table with the issue's targets, and the same figures as JSON.
      Build in release mode: debug figures mean nothing.
      """)

  @Option(name: .long, help: "How many calls of demo data to generate.")
  var calls = 1_000_000

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Where to write the figures as JSON (default: .build/pnsdoctor-bench-N.json, else the temporary folder).",
      valueName: "path"))
  var json: String?

  @Option(name: .long, help: ArgumentHelp("The knowledge folder whose copy is changed to time re-diagnosis.", valueName: "dir"))
  var knowledge = "Knowledge"

  @Flag(name: .long, help: "Keep the run's folder (data, store, outputs) instead of deleting it.")
  var keep = false

  @Option(name: .long, help: .hidden)
  var probeTui: String?

  @Option(name: .long, help: .hidden)
  var startedAt: UInt64?

  func validate() throws {
    guard calls > 0 else { throw ValidationError("--calls must be at least 1") }
  }

  func run() throws {
    if let probeTui {
      // The child process of the TUI step.
      let result = try TUIProbe(storePath: probeTui, startedAt: startedAt ?? Monotonic.now()).run()
      try FileHandle.standardOutput.write(contentsOf: try JSONEncoder().encode(result))
      return
    }
    let runner = BenchRunner(calls: calls, knowledgeFolder: knowledge)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-bench-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
    let figures = try runner.run(in: folder)
    let report = BenchReport(figures: figures)
    print(report.text(), terminator: "")
    let buildFolder = FileManager.default.fileExists(atPath: ".build") ? ".build" : NSTemporaryDirectory()
    let jsonPath = json ?? (buildFolder as NSString).appendingPathComponent("pnsdoctor-bench-\(calls).json")
    try report.json().write(to: URL(fileURLWithPath: jsonPath))
    print("figures as JSON: \(jsonPath)")
    if keep { print("data, store and outputs kept in \(folder.path)") }
  }
}
