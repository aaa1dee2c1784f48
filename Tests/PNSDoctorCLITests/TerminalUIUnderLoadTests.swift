import Foundation
import Testing

/// The TUI beside a large import in another process, and ended by signals.
@Suite("Terminal UI under load and signals", .serialized, .enabled(if: TmuxSession.available))
struct TerminalUIUnderLoadTests {
  /// The sort order named on the status line ("sort newest").
  private func sortLabel(_ screen: String) -> String? {
    guard let range = screen.range(of: #"sort [^ ·]+"#, options: .regularExpression) else { return nil }
    return String(screen[range])
  }

  /// The "N total" of the status line.
  private func totalCalls(_ screen: String) -> Int? {
    guard let range = screen.range(of: #"[0-9]+ total"#, options: .regularExpression) else { return nil }
    return Int(screen[range].split(separator: " ")[0])
  }

  @Test func theTUIKeepsAnsweringAndRefreshShowsNewCallsWhileAnotherProcessImports() throws {
    let folder = CommandRunner.temporaryFolder()
    let small = folder.appendingPathComponent("small.jsonl").path
    let large = folder.appendingPathComponent("large.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["demo", "--count", "300", "--seed", "3", "--out", small]).status == 0)
    try #require(try CommandRunner.run(["demo", "--count", "200000", "--seed", "4", "--out", large]).status == 0)
    try #require(try CommandRunner.run(["import", small, "--store", store]).status == 0)

    let session = try TmuxSession(width: 120, height: 30)
    defer { session.close() }
    session.type(
      "LANG=C.UTF-8 TERM=xterm-256color '\(CommandRunner.executable.path)' --store '\(store)' --tz UTC; echo EXITED-$?",
      enter: true)
    try session.waitFor("300 total", timeout: 60)

    let (importer, output, errors) = try CommandRunner.start(["import", large, "--store", store])
    let outputReader = PipeDrain(output)
    let errorReader = PipeDrain(errors)
    defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }

    // While the import writes, every keystroke is answered and `r` shows what it has stored.
    var totals = [300]
    let deadline = Date().addingTimeInterval(600)
    while totals.count < 4 && Date() < deadline && importer.isRunning {
      Thread.sleep(forTimeInterval: 2)
      // A key that changes the screen, answered while the import holds the write lock now and then.
      let before = sortLabel(session.capture())
      session.keys("s")
      try session.waitUntil("a new sort order", timeout: 30) { screen in
        sortLabel(screen) != before && !screen.contains("loading")
      }
      session.keys("r")
      try session.waitUntilSettled(showing: " total", timeout: 30)
      if let total = totalCalls(session.capture()), total > totals.last ?? 0 { totals.append(total) }
    }
    #expect(totals.count == 4, "refresh showed the import's progress: \(totals)")
    #expect(importer.isRunning, "the 200,000-call import was still running while the TUI was used")

    // Stopped by SIGINT, the import reports and exits 130; the TUI still answers, and quits.
    kill(importer.processIdentifier, SIGINT)
    importer.waitUntilExit()
    #expect(importer.terminationStatus == 130, "\(String(decoding: errorReader.wait(), as: UTF8.self))")
    #expect(String(decoding: outputReader.wait(), as: UTF8.self).contains("read "))
    try StoreSnapshot.expectWhole(store)
    let stored = try StoreSnapshot(store).calls
    #expect(stored >= totals.last ?? 0)
    session.keys("r")
    try session.waitUntilSettled(showing: "\(stored) total", timeout: 30)
    session.keys("q")
    try session.waitFor("EXITED-0", timeout: 20)
  }

  @Test(arguments: [(SIGTERM, "EXITED-143"), (SIGHUP, "EXITED-129"), (SIGINT, "EXITED-130")])
  func aSignalEndsTheTUIAndRestoresTheTerminal(signal: Int32, exit: String) throws {
    let folder = CommandRunner.temporaryFolder()
    let sttyFile = folder.appendingPathComponent("stty.txt").path
    let marker = "--demo-count \(190 + signal)"
    let session = try TmuxSession(width: 90, height: 26)
    defer {
      session.close()
      TmuxSession.killProcesses(matching: marker)
    }
    session.type(
      "LANG=C.UTF-8 '\(CommandRunner.executable.path)' --demo \(marker); echo EXITED-$?; stty -a > '\(sttyFile)'; echo STTY-SAVED",
      enter: true)
    try session.waitFor("****", timeout: 60)
    session.keys("Enter")
    try session.waitFor("FINDINGS")
    // (Ctrl-C typed in the TUI is a key, not a signal, and quits normally: tested elsewhere.)
    TmuxSession.signalProcesses(matching: marker, signal: signal)
    try session.waitFor(exit, timeout: 20)
    try session.waitFor("STTY-SAVED", timeout: 10)
    let stty = try String(contentsOfFile: sttyFile, encoding: .utf8)
    #expect(stty.contains(" icanon") && stty.contains(" echo"), "the terminal is back in cooked mode with echo")
    #expect(!session.capture().contains("FINDINGS"), "the alternate screen was left")
  }
}
