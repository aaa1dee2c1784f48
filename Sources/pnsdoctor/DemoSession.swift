import ArgumentParser
import Foundation
import PNSDoctorCore
import PNSDoctorTUI

/// `pnsdoctor --demo`: generate data, import it into a throw-away store, show the main view (the
/// terminal UI on a terminal, the failed-call list otherwise), and clean up.
struct DemoSession {
  let count: Int
  let display: DisplayOptions
  let knowledge: KnowledgeOptions
  let interactive: Bool

  func run() throws {
    let language = display.language
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pnsdoctor-demo-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dataPath = folder.appendingPathComponent("pushes.jsonl").path
    let storePath = folder.appendingPathComponent("store.sqlite").path
    let summary = try PNSDoctorCommand.Demo.write(count: count, seed: 1, to: dataPath)
    let base = try knowledge.load(language: language)
    let store: CallStore
    let statistics: ImportStatistics
    let calls: [CallSummary]
    let counts: StoreCounts
    do {
      store = try CallStore.open(path: storePath)
      statistics = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: base)).importSource(
        try FileDescriptorByteSource(path: dataPath))
      var query = CallQuery()
      query.failedOnly = true
      query.limit = 25
      calls = try store.calls(matching: query)
      counts = try store.counts()
    } catch let error as StoreError {
      StandardError.write(error.message(in: language))
      throw ExitCode(ExitStatus.storeFailure)
    }
    if interactive {
      // The screen handles the signals itself (restoring the terminal first); meanwhile they
      // must not end the process unhandled.
      let listening = SignalCenter.listen { _ in }
      defer { listening.end() }
      let signal = TUIApp(
        store: store, knowledge: base, language: language,
        timeDisplay: display.timeDisplay,
        storeName: language.pick("demo (\(summary.calls) calls)", "演示（\(summary.calls) 通）")
      ).run()
      if let signal { throw ExitCode(128 + signal) }
      return
    }
    try StandardOutput.print(
      language.pick(
        "Demo: \(summary.calls) generated calls, \(summary.lines) pushes imported (\(statistics.new) new messages, \(statistics.duplicate) re-pushed duplicates) into a throw-away store.",
        "演示：生成 \(summary.calls) 通呼叫、\(summary.lines) 条推送，已导入临时存储（新增 \(statistics.new) 条，重复推送 \(statistics.duplicate) 条）。"
      ))
    try StandardOutput.print(language.pick("Newest failed calls:", "最近的失败呼叫：") + "\n")
    try StandardOutput.print(
      CallTable(display: display, language: language).render(calls, counts: counts, failedOnly: true), terminator: "")
  }
}
