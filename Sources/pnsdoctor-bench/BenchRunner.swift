import Foundation
import PNSDoctorCore

/// The benchmark's steps, in order, each one a process of its own.
struct BenchRunner {
  let calls: Int
  let knowledgeFolder: String

  /// `pnsdoctor` built next to this program.
  private var pnsdoctor: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent("pnsdoctor").path
  }

  private var bench: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  }

  func run(in folder: URL) throws -> BenchFigures {
    guard FileManager.default.isExecutableFile(atPath: pnsdoctor) else {
      throw ChildProcess.Failure(description: "\(pnsdoctor) is missing: build it first (swift build -c release)")
    }
    var figures = BenchFigures()
    figures.calls = calls
    let data = folder.appendingPathComponent("pushes.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path

    step("generating \(calls) calls of demo data")
    let generated = try checked(ChildProcess.run(pnsdoctor, ["demo", "--count", "\(calls)", "--out", data]), "demo")
    figures.generateSeconds = generated.seconds
    figures.inputBytes = (try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int) ?? 0

    step("pnsdoctor import (with diagnosis)")
    let importArguments = ["import", data, "--store", store, "--format", "json"]
    let counted = folder.appendingPathComponent("perf-stat.csv").path
    let imported: ChildProcess.Outcome
    if let perf = InstructionCounter.perf() {
      // perf stat only counts: the import runs as it would, and its instructions are read after.
      imported = try checked(
        ChildProcess.run(perf, ["stat", "-x", ",", "-e", "instructions:u", "-o", counted, "--", pnsdoctor] + importArguments),
        "import")
      figures.importInstructions = InstructionCounter.instructions(inPerfOutput: counted)
    } else {
      imported = try checked(ChildProcess.run(pnsdoctor, importArguments), "import")
    }
    figures.importSeconds = imported.seconds
    figures.importPeakMemory = imported.peakMemory
    if let report = try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any] {
      figures.messages = report["read"] as? Int ?? 0
    }
    try readStore(store, into: &figures)

    if figures.importInstructions == nil { try countInstructions(folder: folder, into: &figures) }

    step("pnsdoctor import of the same input again")
    let repeated = try checked(ChildProcess.run(pnsdoctor, ["import", data, "--store", store]), "import again")
    figures.reimportSeconds = repeated.seconds
    figures.reimportSaidUnchanged = repeated.output.contains("already imported whole and unchanged")
    if !figures.reimportSaidUnchanged { figures.notes.append("the same input imported again was read again") }

    let comparisons = ComparisonRuns(dataPath: data, folder: folder)
    step("jq")
    try comparisons.jq(into: &figures)
    step("lnav")
    try comparisons.lnav(into: &figures)
    step("sqlite3 importing the same typed call rows")
    try comparisons.sqlite(store: store, into: &figures)
    comparisons.storeTables(store: store, into: &figures)

    step("TUI, headless (twice: after the steps above, then again with the store's pages cached)")
    try probeTUI(store: store, into: &figures)
    var again = BenchFigures()
    try probeTUI(store: store, into: &again)
    figures.tuiWarmFirstScreenSeconds = again.tuiFirstScreenSeconds
    figures.tuiWarmKeystrokeP95Seconds = again.tuiKeystrokeP95Seconds
    figures.notes.append(
      String(
        format: "TUI again: first screen %.1f ms, keystroke median %.1f ms, p95 %.1f ms, open a call %.1f ms",
        again.tuiFirstScreenSeconds * 1000, again.tuiKeystrokeMedianSeconds * 1000, again.tuiKeystrokeP95Seconds * 1000,
        again.tuiOpenDetailSeconds * 1000))

    step("pnsdoctor diagnose of one pasted CDR")
    try diagnosePaste(folder: folder, into: &figures)

    step("re-diagnosis after a rule change")
    try rediagnose(store: store, folder: folder, into: &figures)

    step("pnsdoctor serve under wrk (10 s, 64 connections)")
    let server = URL(fileURLWithPath: pnsdoctor).deletingLastPathComponent().appendingPathComponent("pnsdoctor-serve").path
    try ServeLoadRun(server: server, folder: folder, dataPath: data, seconds: 10, connections: 64).run(into: &figures)
    return figures
  }

  /// Where perf cannot count, callgrind counts imports of 2,500 and 3,500 calls of demo data:
  /// their difference is what a call costs, with start-up (knowledge loading) and the one-off
  /// training of the store's dictionary (at 2,000 calls) left out.
  private func countInstructions(folder: URL, into figures: inout BenchFigures) throws {
    step("instructions per call: callgrind on imports of 2,500 and 3,500 calls (perf cannot count here)")
    var counts: [Int] = []
    for calls in [2_500, 3_500] {
      let slice = folder.appendingPathComponent("slice-\(calls).jsonl").path
      _ = try checked(ChildProcess.run(pnsdoctor, ["demo", "--count", "\(calls)", "--out", slice]), "demo")
      let store = folder.appendingPathComponent("slice-\(calls).sqlite").path
      guard let count = try InstructionCounter.callgrind(pnsdoctor, ["import", slice, "--store", store], folder: folder)
      else {
        figures.notes.append("neither perf nor callgrind could count instructions: instructions per call left out")
        return
      }
      counts.append(count)
    }
    figures.sliceInstructionsPerCall = Double(counts[1] - counts[0]) / 1_000
  }

  private func readStore(_ path: String, into figures: inout BenchFigures) throws {
    let store = try CallStore.openForReading(path: path)
    let counts = try store.messageCounts()
    figures.cdrRecords = counts.detailRecords
    figures.callsDiagnosedAtImport = try store.diagnosedCallCount()
    figures.storeBytes = ["", "-wal", "-shm"].reduce(0) { total, suffix in
      total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
    }
  }

  private func probeTUI(store: String, into figures: inout BenchFigures) throws {
    let started = Monotonic.now()
    let run = try checked(
      ChildProcess.run(bench, ["--probe-tui", store, "--started-at", "\(started)"]), "the headless TUI")
    let result = try JSONDecoder().decode(TUIProbe.Result.self, from: Data(run.output.utf8))
    figures.tuiFirstScreenSeconds = result.firstScreenSeconds
    // The headline figures are over every keystroke of both numbers typed.
    let all = result.keystrokeSeconds.flatMap { $0 }
    figures.tuiKeystrokeMedianSeconds = Self.percentile(all, 0.5)
    figures.tuiKeystrokeP95Seconds = Self.percentile(all, 0.95)
    figures.tuiOpenDetailSeconds = result.openDetailSeconds
    figures.tuiPeakMemory = run.peakMemory
    figures.tuiRowsAfterFilter = result.rowsAfterFilter.first ?? 0
    if !result.detailShowsFindings { figures.notes.append("the opened call showed no FINDINGS section") }
    for (index, typed) in result.typed.enumerated() {
      let times = result.keystrokeSeconds[index].map { String(format: "%.1f", $0 * 1000) }.joined(separator: ", ")
      figures.notes.append(
        "TUI: typed \"\(typed)\" (\(index == 0 ? "a fragment" : "a number from its first digit")) one digit at a time: \(times) ms; \(result.rowsAfterFilter[index]) calls matched")
    }
    figures.notes.append("TUI: the first screen showed \(result.rowsOnFirstScreen) rows")
  }

  /// The value below which `fraction` of `values` fall (nearest rank).
  static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((Double(sorted.count) * fraction).rounded(.up))
    return sorted[min(sorted.count - 1, max(0, rank - 1))]
  }

  /// One failed CDR (release point 8104), as a person would paste it, from process start; the
  /// median of 7 runs.
  private func diagnosePaste(folder: URL, into figures: inout BenchFigures) throws {
    let paste = folder.appendingPathComponent("paste.json").path
    try #"{"eventType":"fee","feeLst":[{"sessionId":"bench-paste-1","callerNum":"+8610000000001","calleeNum":"+8612000000001","fwdDstNum":"+8610300000001","callInTime":"2026-11-23 04:19:59","fwdStartTime":"2026-11-23 04:20:00","callEndTime":"2026-11-23 04:20:03","fwdUnaswRsn":20,"ulFailReason":8104,"sipStatusCode":480,"serviceType":"004"}]}"#
      .write(toFile: paste, atomically: true, encoding: .utf8)
    // No store: a paste is diagnosed on its own, as on a machine that never imported (no
    // default store exists under this empty home, and diagnose creates none).
    let emptyData = folder.appendingPathComponent("empty-home")
    try FileManager.default.createDirectory(at: emptyData, withIntermediateDirectories: true)
    var runs: [ChildProcess.Outcome] = []
    for _ in 0..<7 {
      runs.append(
        try checked(
          ChildProcess.run(
            pnsdoctor, ["diagnose", "-"], inputPath: paste,
            environment: ["PNSDOCTOR_STORE": "", "XDG_DATA_HOME": emptyData.path, "HOME": emptyData.path]),
          "diagnose", allowing: [0]))
    }
    if let left = try? FileManager.default.subpathsOfDirectory(atPath: emptyData.path), !left.isEmpty {
      figures.notes.append("diagnose of a paste wrote files although no store was asked for: \(left.prefix(3))")
    }
    let sorted = runs.sorted { $0.seconds < $1.seconds }
    figures.diagnoseSeconds = sorted[sorted.count / 2].seconds
    figures.diagnosePeakMemory = runs.map(\.peakMemory).max() ?? 0
    if !(runs.first?.output.contains("callee-powered-off") ?? false) {
      figures.notes.append("the pasted CDR was not diagnosed as callee-powered-off")
    }
  }

  /// Revises one rule in a copy of the knowledge base and lets `store migrate` bring the store
  /// up to date (commands that only read never write).
  private func rediagnose(store: String, folder: URL, into figures: inout BenchFigures) throws {
    guard FileManager.default.fileExists(atPath: knowledgeFolder + "/rules") else {
      figures.notes.append("no knowledge folder at \(knowledgeFolder): re-diagnosis not timed (run from the checkout or pass --knowledge)")
      return
    }
    let copy = folder.appendingPathComponent("knowledge")
    try FileManager.default.copyItem(atPath: knowledgeFolder, toPath: copy.path)
    let rule = copy.appendingPathComponent("rules/callee/callee-powered-off.yaml")
    var text = try String(contentsOf: rule, encoding: .utf8)
    guard let range = text.range(of: #"revision: (\d+)"#, options: .regularExpression),
      let revision = Int(text[range].dropFirst("revision: ".count))
    else { throw ChildProcess.Failure(description: "no revision in \(rule.path)") }
    text.replaceSubrange(range, with: "revision: \(revision + 1)")
    try text.write(to: rule, atomically: true, encoding: .utf8)
    let run = try checked(
      ChildProcess.run(pnsdoctor, ["store", "migrate", "--store", store, "--knowledge", copy.path]),
      "store migrate after a rule change")
    figures.rediagnoseSeconds = run.seconds
    if let match = run.errors.range(of: #"diagnosed (\d+) call"#, options: .regularExpression) {
      figures.rediagnosedCalls = Int(run.errors[match].filter(\.isNumber)) ?? 0
    } else {
      figures.notes.append("the rule change re-diagnosed nothing: \(run.errors.prefix(200))")
    }
  }

  private func checked(_ outcome: ChildProcess.Outcome, _ what: String, allowing: Set<Int32> = [0]) throws -> ChildProcess.Outcome {
    guard allowing.contains(outcome.status) else {
      throw ChildProcess.Failure(description: "\(what) exited with \(outcome.status): \(outcome.errors.prefix(2000))")
    }
    return outcome
  }

  private func step(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data("· \(text)\n".utf8))
  }
}
