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
    /// Six digits from the middle of a caller's number, then its national number from the first
    /// digit: a remembered fragment, and a number typed from its start (whose first digits
    /// match a large share of all calls).
    var typed: [String]
    var keystrokeSeconds: [[Double]]
    var rowsAfterFilter: [Int]
    var openDetailSeconds: Double
    var detailShowsFindings: Bool
  }

  let storePath: String
  let startedAt: UInt64

  func run() throws -> Result {
    // Everything from here to the first screen is what the person waits for, including what
    // the terminal UI does before drawing: opening the store to read and checking its
    // diagnoses against the rules.
    let (knowledge, _) = KnowledgeLoader.load(files: BundledKnowledge.files)
    let store = try CallStore.openForReading(path: storePath)
    _ = try store.diagnosisStatus(knowledge: knowledge)
    let session = HeadlessSession(store: store, knowledge: knowledge, width: 120, height: 40, storeName: storePath)
    session.start()
    let firstScreen = Monotonic.seconds(since: startedAt)
    let rows = session.state.calls.rows.count

    let caller = session.state.calls.rows.first?.caller ?? "+8610000000000"
    let national = caller.filter(\.isNumber).dropFirst(2)
    let sequences = [String(national.dropFirst(2).prefix(6)), String(national.prefix(6))]
    var keystrokes: [[Double]] = []
    var matched: [Int] = []
    for digits in sequences {
      session.press(.character("/"))
      var times: [Double] = []
      for digit in digits {
        let before = Monotonic.now()
        session.press(.character(digit))
        times.append(Monotonic.seconds(since: before))
      }
      keystrokes.append(times)
      matched.append(session.state.calls.total)
      // Esc clears the filter; the second number is typed into an empty box.
      session.press(.escape)
    }
    // The fragment again, kept this time, to open the first call it finds.
    session.press(.character("/"))
    for digit in sequences[0] { session.press(.character(digit)) }
    session.press(.enter)

    let before = Monotonic.now()
    let detail = session.press(.enter)
    let openDetail = Monotonic.seconds(since: before)
    return Result(
      firstScreenSeconds: firstScreen, rowsOnFirstScreen: rows, typed: sequences, keystrokeSeconds: keystrokes,
      rowsAfterFilter: matched, openDetailSeconds: openDetail,
      detailShowsFindings: detail.lines.contains { $0.contains("FINDINGS") })
  }
}
