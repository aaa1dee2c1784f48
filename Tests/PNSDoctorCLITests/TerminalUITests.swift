import Foundation
import Testing

/// Drives the real binary in tmux: keys in with send-keys, the screen out with capture-pane.
/// tmux is installed by .ci/run; on a machine without it these tests are skipped, not passed.
@Suite("Terminal UI end to end", .serialized, .enabled(if: TmuxSession.available))
struct TerminalUITests {
  @Test func browseOpenFilterPasteResizeAndQuitLeavingTheTerminalSane() throws {
    let folder = CommandRunner.temporaryFolder()
    let sttyFile = folder.appendingPathComponent("stty.txt").path
    let data = folder.appendingPathComponent("demo.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["demo", "--count", "400", "--out", data]).status == 0)
    try #require(try CommandRunner.run(["import", data, "--store", store]).status == 0)
    // A real caller number from the store, to filter by while the screen masks it.
    let listing = try CommandRunner.run(["calls", "--failed", "--limit", "1", "--format", "json", "--store", store])
    let first = try #require(
      (try JSONSerialization.jsonObject(with: Data(listing.output.utf8)) as? [[String: Any]])?.first)
    let caller = try #require(first["caller"] as? String)
    let session = try TmuxSession(width: 100, height: 30)
    defer { session.close() }
    session.type(
      "LANG=C.UTF-8 TERM=xterm-256color '\(CommandRunner.executable.path)' --store '\(store)' --tz UTC; stty -a > '\(sttyFile)'; echo EXITED-$?",
      enter: true)
    // The list has loaded when a masked number shows.
    try session.waitFor("****", timeout: 60)
    var screen = session.capture()
    #expect(screen.contains("Calls"))
    #expect(screen.contains("****"), "numbers are masked")

    // Open the second call: its summary, timeline, decoded CDR and findings with next steps.
    session.keys("j", "Enter")
    try session.waitFor("FINDINGS")
    screen = session.capture()
    #expect(screen.contains("Next") || screen.contains("1) "), "numbered next steps")
    session.keys("G")
    try session.waitFor("callEndTime")
    session.keys("q")
    try session.waitFor("CAUSE")

    // Filter by a full number: it matches although the screen shows it masked.
    session.keys("/")
    session.type(String(caller.dropFirst(3)))
    session.keys("Enter")
    try session.waitUntilSettled(showing: "filter \"\(caller.dropFirst(3))\"")
    let masked = "+86" + caller.dropFirst(3).prefix(3) + "****" + caller.suffix(4)
    try session.waitFor(String(masked))
    screen = session.capture()
    let rows = screen.split(separator: "\n").filter { $0.contains("% ") && $0.contains(":") }
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0.contains(masked) })
    #expect(!screen.contains(caller))
    // Filter by a code.
    session.escape()
    session.keys("/")
    session.type("8104")
    session.keys("Enter")
    try session.waitUntilSettled(showing: "filter \"8104\"")
    screen = session.capture()
    let codeRows = screen.split(separator: "\n").filter { $0.contains("% ") && $0.contains(":") }
    // A number search also matches numbers that contain the digits, so not every row need be a
    // call with that code; the calls with it are there, shown by their stored cause.
    #expect(codeRows.contains { $0.contains("% Callee's") }, "\(screen)")
    session.escape()

    // Paste a CDR with bracketed paste: the diagnosis appears without any key.
    session.keys("p")
    try session.waitFor("PASTE")
    session.paste(
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"tmux-1","timestamp":"2024-05-13 05:25:41","stateCode":8104}}"#
    )
    try session.waitFor("callee-powered-off")
    session.escape()

    // Too small, then back.
    session.resize(width: 40, height: 10)
    try session.waitFor("Terminal too small")
    session.resize(width: 100, height: 30)
    try session.waitFor("CAUSE")

    session.keys("q")
    try session.waitFor("EXITED-0", timeout: 20)
    let stty = try String(contentsOfFile: sttyFile, encoding: .utf8)
    #expect(stty.contains(" icanon") && stty.contains(" echo"), "the terminal is back in cooked mode with echo")
  }

  @Test func closingTheTerminalEndsTheAppInsteadOfLeavingItSpinning() throws {
    let marker = "--demo-count 173"
    let session = try TmuxSession(width: 90, height: 26)
    defer {
      session.close()
      // Whatever the outcome, leave no app behind to keep CI waiting.
      TmuxSession.killProcesses(matching: marker)
    }
    session.type("LANG=C.UTF-8 '\(CommandRunner.executable.path)' --demo \(marker)", enter: true)
    try session.waitFor("****", timeout: 60)
    #expect(TmuxSession.processRunning(matching: marker), "the check must see the running app")
    session.close()
    let deadline = Date().addingTimeInterval(10)
    var running = true
    while running && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.2)
      running = TmuxSession.processRunning(matching: marker)
    }
    #expect(!running, "pnsdoctor kept running after its terminal closed")
  }

  @Test func ctrlCQuitsFromADetailPage() throws {
    let session = try TmuxSession(width: 90, height: 26)
    defer { session.close() }
    session.type("LANG=C.UTF-8 '\(CommandRunner.executable.path)' --demo --demo-count 200; echo EXITED-$?", enter: true)
    try session.waitFor("****", timeout: 60)
    session.keys("Enter")
    try session.waitFor("FINDINGS")
    session.keys("C-c")
    try session.waitFor("EXITED-0", timeout: 20)
  }
}

/// A tmux session running a shell, for end-to-end tests.
final class TmuxSession {
  static var available: Bool {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
  }

  let name = "pnsdoctor-test-\(UUID().uuidString.prefix(8))"
  /// A tmux server of the tests' own, so that a user's tmux is neither used nor disturbed.
  static let socketName = "pnsdoctor-tests-\(ProcessInfo.processInfo.processIdentifier)"

  init(width: Int, height: Int) throws {
    try tmux([
      "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env PS1='ready> ' bash --norc --noprofile",
    ])
    // Typing before the shell is ready would lose the keys.
    try waitFor("ready>", timeout: 10)
  }

  func close() {
    _ = try? tmux(["kill-session", "-t", name])
  }

  func type(_ text: String, enter: Bool = false) {
    _ = try? tmux(["send-keys", "-t", name, "-l", text])
    if enter { _ = try? tmux(["send-keys", "-t", name, "Enter"]) }
  }

  func keys(_ keys: String...) {
    _ = try? tmux(["send-keys", "-t", name] + keys)
  }

  /// Esc on its own, as a person presses it: Esc followed at once by another key is read as an
  /// Alt key (which is what a terminal sends for one).
  func escape() {
    keys("Escape")
    Thread.sleep(forTimeInterval: 0.25)
  }

  func paste(_ text: String) {
    _ = try? tmux(["set-buffer", "-b", name, text])
    _ = try? tmux(["paste-buffer", "-p", "-b", name, "-t", name])
  }

  func resize(width: Int, height: Int) {
    _ = try? tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Keeps a capture for review in `$PNSDOCTOR_CAPTURES/<name>.txt`, when that folder is given
  /// (nothing is written otherwise).
  func write(capture: String, named name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["PNSDOCTOR_CAPTURES"], !folder.isEmpty else { return }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try capture.write(toFile: folder + "/" + name + ".txt", atomically: true, encoding: .utf8)
  }

  func capture() -> String {
    (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
  }

  struct Timeout: Error, CustomStringConvertible {
    var text: String
    var screen: String
    var description: String { "timed out waiting for \"\(text)\"; screen:\n\(screen)" }
  }

  /// Waits until the screen shows `text`, rather than sleeping a fixed time.
  func waitFor(_ text: String, timeout: Double = 15) throws {
    try waitUntil(text, timeout: timeout) { $0.contains(text) }
  }

  /// Whether a process whose command line contains `text` is running.
  static func processRunning(matching text: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pgrep", "-f", "--", text]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// Sends SIGKILL to every process whose command line contains `text`.
  static func killProcesses(matching text: String) {
    signalProcesses(matching: text, signal: SIGKILL)
  }

  /// Sends `signal` to every process whose command line contains `text`.
  static func signalProcesses(matching text: String, signal: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pkill", "-\(signal)", "-f", "--", text]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return }
    process.waitUntilExit()
  }

  /// Waits until `condition` holds for the screen; `what` names it in the timeout's message.
  func waitUntil(_ what: String, timeout: Double = 15, _ condition: (String) -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(capture()) { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Timeout(text: what, screen: capture())
  }

  /// Waits until the screen shows `text` and no query is still loading.
  func waitUntilSettled(showing text: String, timeout: Double = 15) throws {
    try waitUntil(text, timeout: timeout) { $0.contains(text) && !$0.contains("loading") }
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    // The first command starts the tmux server, which inherits every open descriptor of the
    // client. Foundation watches each child through a socket the child inherits and reaps it only
    // when that socket closes, so a server holding it makes `waitUntilExit` wait for the server
    // (for ever: CI hung there). Close everything above stderr before tmux starts (bash, as
    // dash cannot name descriptors above 9).
    process.arguments =
      [
        "-c",
        #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec tmux -L "$0" "$@""#,
        Self.socketName,
      ] + arguments
    process.standardError = FileHandle.nullDevice
    // Only capture-pane's output is read: a command that starts the tmux server would hand the
    // pipe to the server, and reading to its end would never finish.
    guard arguments.first == "capture-pane" else {
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return ""
    }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
