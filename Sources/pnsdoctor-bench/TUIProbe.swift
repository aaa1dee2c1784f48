import Foundation
import PNSDoctorCore
import PNSDoctorKnowledge
import PNSDoctorTUI

/// The benchmark's child process that browses a store headless: the same state, reducer,
/// views and queries the terminal uses, timed from the moment the parent started the process.
struct TUIProbe {
  /// What the probe measured, sent to the parent as JSON on standard output.
  struct Result: Codable {
    var firstScreenSeconds: Double
    var rowsOnFirstScreen: Int
    var typed: String
    var keystrokeSeconds: [Double]
    var rowsAfterFilter: Int
    var openDetailSeconds: Double
    var detailShowsFindings: Bool
  }

  let storePath: String
  let startedAt: UInt64

  func run() throws -> Result {
    // Everything from here to the first screen is what the person waits for.
    let (knowledge, _) = KnowledgeLoader.load(files: BundledKnowledge.files)
    let store = try CallStore.open(path: storePath)
    let session = HeadlessSession(store: store, knowledge: knowledge, width: 120, height: 40, storeName: storePath)
    let first = session.start()
    let firstScreen = Monotonic.seconds(since: startedAt)
    let rows = session.state.calls.rows.count
    _ = first

    // A 6-digit part of a real caller number, typed one digit at a time after `/`.
    let caller = session.state.calls.rows.first?.caller ?? "+8610000000000"
    let digits = String(caller.filter(\.isNumber).dropFirst(4).prefix(6))
    session.press(.character("/"))
    var keystrokes: [Double] = []
    for digit in digits {
      let before = Monotonic.now()
      session.press(.character(digit))
      keystrokes.append(Monotonic.seconds(since: before))
    }
    session.press(.enter)
    let filtered = session.state.calls.total

    let before = Monotonic.now()
    let detail = session.press(.enter)
    let openDetail = Monotonic.seconds(since: before)
    return Result(
      firstScreenSeconds: firstScreen, rowsOnFirstScreen: rows, typed: digits, keystrokeSeconds: keystrokes,
      rowsAfterFilter: filtered, openDetailSeconds: openDetail,
      detailShowsFindings: detail.lines.contains { $0.contains("FINDINGS") })
  }
}
