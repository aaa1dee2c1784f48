import Foundation
import Testing

/// In tmux, at both sizes the UI is judged at: a call imported by another process shows within
/// two seconds without a key; Stats Enter opens a cause's calls; `n` steps to the next call.
@Suite("Terminal UI: live data and drill-down", .serialized, .enabled(if: TmuxSession.available))
struct TerminalUILiveTests {
  @Test(arguments: [(80, 24), (200, 60)])
  func newDataStatsDrillDownAndNextCall(width: Int, height: Int) throws {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("demo.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["demo", "--count", "300", "--out", data]).status == 0)
    try #require(try CommandRunner.run(["import", data, "--store", store]).status == 0)
    let session = try TmuxSession(width: width, height: height)
    defer { session.close() }
    session.type(
      "LANG=C.UTF-8 TERM=xterm-256color '\(CommandRunner.executable.path)' tui --store '\(store)' --tz UTC; echo EXITED-$?",
      enter: true)
    try session.waitFor("****", timeout: 60)

    // Another process imports a failed call newer than all the others: it appears on its own.
    let later = folder.appendingPathComponent("later.jsonl").path
    let event =
      #"{"sessionId":"live-1","icid":"i-live-1","callerNum":"+8610000000099","bindNum":"+8612000000001","calleeNum":"+8612000000001","fwdDstNum":"+8610900000099","callInTime":"2099-01-01 00:00:00","fwdStartTime":"2099-01-01 00:00:01","callEndTime":"2099-01-01 00:00:20","fwdUnaswRsn":20,"ulFailReason":8104,"sipStatusCode":480,"serviceType":"004"}"#
    try (event + "\n").write(toFile: later, atomically: true, encoding: .utf8)
    try #require(try CommandRunner.run(["import", later, "--store", store]).status == 0)
    let imported = Date()
    try session.waitFor("01-01 00:00", timeout: 10)
    #expect(Date().timeIntervalSince(imported) < 2.5, "new data took \(Date().timeIntervalSince(imported)) s")
    #expect(session.capture().contains("1 new"))

    // Stats: Enter on the top cause lists its calls.
    session.keys("Tab", "Tab")
    try session.waitFor("FAILED CALLS BY CAUSE")
    session.keys("Enter")
    try session.waitFor("cause ")
    let filtered = session.capture()
    #expect(filtered.contains("› ") == false && filtered.contains("cause "), "\(filtered)")

    // A call's detail, then the next one of the list.
    session.keys("Enter")
    try session.waitFor("FINDINGS")
    let first = session.capture()
    session.keys("n")
    try session.waitUntil("another call") { $0 != first && $0.contains("FINDINGS") }
    session.keys("Q")
    try session.waitFor("EXITED-0", timeout: 20)
  }
}
