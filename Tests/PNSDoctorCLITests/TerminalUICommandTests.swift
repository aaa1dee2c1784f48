import Foundation
import Testing

/// In tmux, at both sizes the UI is judged at: the demo's causes whole at 80 columns, the `:`
/// command line, a call's Related calls opened and left with Esc, and `y` showing the id where
/// the terminal is not known to take OSC 52. Captures are written beside the store for review.
@Suite("Terminal UI: command line, layout and related calls", .serialized, .enabled(if: TmuxSession.available))
struct TerminalUICommandTests {
  @Test(arguments: [(80, 24), (200, 60)])
  func commandLineRelatedCallsAndLayout(width: Int, height: Int) throws {
    let session = try TmuxSession(width: width, height: height)
    defer { session.close() }
    session.type(
      "LANG=C.UTF-8 TERM=xterm-256color '\(CommandRunner.executable.path)' --demo --tz UTC; echo EXITED-$?",
      enter: true)
    try session.waitFor("****", timeout: 60)
    try session.waitUntilSettled(showing: "CAUSE")
    let list = session.capture()
    try session.write(capture: list, named: "calls-\(width)x\(height)")
    // Every cause title on the first screen is whole: the columns went first.
    let rows = list.split(separator: "\n").dropFirst(2).prefix(height - 4)
    #expect(rows.allSatisfy { !$0.hasSuffix("…") }, "\(list)")
    #expect(list.contains("Caller hung up before the call was answered"))
    #expect(list.contains("CODES") == false && (width >= 120) == list.contains("ST/REL/Q850/SIP"))

    // Stats, a cause selected (the second), then back to Calls by command.
    session.type(":stats")
    session.keys("Enter")
    try session.waitFor("FAILED CALLS BY CAUSE")
    session.keys("Down")
    Thread.sleep(forTimeInterval: 0.3)
    try session.write(capture: session.capture(), named: "stats-\(width)x\(height)")
    session.type(":calls")
    session.keys("Enter")
    try session.waitFor("CAUSE")

    session.type(":cause callee-busy")
    try session.waitFor(":cause callee-busy")
    session.keys("Enter")
    try session.waitUntil("only busy calls listed") { screen in
      let rows = screen.split(separator: "\n").dropFirst(2).prefix(height - 4).filter { $0.contains("%") }
      return screen.contains("cause callee-busy") && !rows.isEmpty && rows.allSatisfy { $0.contains("Callee busy") }
    }

    // A busy call's detail with related calls (the demo's callers try again after a failure):
    // one opened, Esc back to it.
    session.keys("Enter")
    try session.waitFor("FINDINGS")
    var steps = 0
    func callLine(_ screen: String) -> String { screen.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }
    while session.capture().contains(" 0 related") && steps < 40 {
      // The next call is shown once its heading line (with its session id) changes.
      let before = callLine(session.capture())
      session.keys("n")
      try session.waitUntil("the next call") { callLine($0) != before && $0.contains("related ·") }
      steps += 1
    }
    session.keys("G")
    try session.waitFor("RELATED")
    let detail = session.capture()
    try #require(!detail.contains(" 0 related"), "no busy call among the first 40 has related calls: \(detail)")
    try session.write(capture: detail, named: "detail-related-\(width)x\(height)")
    session.keys("1")
    try session.waitFor("related call, 1 back with Esc")
    session.escape()
    try session.waitUntil("back on the first call") { !$0.contains("related call, 1 back") && $0.contains(" related ·") }
    session.keys("y")
    try session.waitFor("session id (select to copy)")
    session.keys("Q")
    try session.waitFor("EXITED-0", timeout: 20)
  }
}
