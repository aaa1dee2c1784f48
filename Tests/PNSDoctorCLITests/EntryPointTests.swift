import Foundation
import Testing

/// The documented ways in: `pnsdoctor` alone, `pnsdoctor tui`, `--no-tui`, a pipe, `--version`;
/// and, in tmux, the keys and locales that used to end a session or blank its text.
@Suite("Entry points", .serialized)
struct EntryPointTests {
  /// A store of 300 demo calls (made once).
  private static let store: String? = {
    let folder = CommandRunner.temporaryFolder()
    let data = folder.appendingPathComponent("demo.jsonl").path
    let store = folder.appendingPathComponent("store.sqlite").path
    guard (try? CommandRunner.run(["demo", "--count", "300", "--out", data]))?.status == 0,
      (try? CommandRunner.run(["import", data, "--store", store]))?.status == 0
    else { return nil }
    return store
  }()

  /// Off a terminal (the test's pipes), every form prints what `calls --failed` prints.
  @Test(arguments: [
    ["--no-tui"], [], ["tui"], ["tui", "--no-tui"],
  ])
  func withoutATerminalTheFailedCallListIsPrinted(prefix: [String]) throws {
    let store = try #require(Self.store)
    let expected = try CommandRunner.run(["calls", "--failed", "--store", store, "--tz", "UTC"])
    try #require(expected.status == 0, "\(expected.errors)")
    let result = try CommandRunner.run(prefix + ["--store", store, "--tz", "UTC"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(!result.errors.contains("Can't read a value"), "\(result.errors)")
    #expect(result.output == expected.output)
    #expect(result.output.contains("****"), "numbers are masked")
  }

  @Test func versionIsTheReleaseNumber() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("pnsdoctor 0."), "\(result.output)")
    #expect(try CommandRunner.run(["--help"]).output.contains("--version"))
  }

  private static var chineseLocaleInstalled: Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["locale", "-a"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.lowercased().split(separator: "\n").contains { $0.hasPrefix("zh_cn.utf") }
  }

  /// `tui --store` in Chinese on a machine without the zh_CN locale (what an SSH client's
  /// forwarded LANG gives): the Chinese text shows; Esc, twice, and Alt keys do not quit; q does.
  @Test(.enabled(if: TmuxSession.available))
  func tuiInChineseWithoutTheLocaleShowsChineseAndOnlyQQuits() throws {
    let store = try #require(Self.store)
    let session = try TmuxSession(width: 80, height: 24)
    defer { session.close() }
    session.type(
      "LC_ALL= LC_CTYPE= LANG=zh_CN.UTF-8 TERM=xterm-256color '\(CommandRunner.executable.path)' tui --store '\(store)' --tz UTC; echo EXITED-$?",
      enter: true)
    try session.waitFor("****", timeout: 60)
    var screen = session.capture()
    #expect(screen.contains("呼叫") && screen.contains("失败"), "\(screen)")
    session.escape()
    session.escape()
    session.keys("M-q")
    session.keys("M-x")
    // A split arrow sequence: Esc, then the rest after the terminal's escape delay.
    session.keys("Escape")
    Thread.sleep(forTimeInterval: 0.04)
    session.type("[B")
    Thread.sleep(forTimeInterval: 1)
    screen = session.capture()
    #expect(!screen.contains("EXITED"), "\(screen)")
    #expect(screen.contains("****"))
    session.keys("q")
    try session.waitFor("EXITED-0", timeout: 20)
    if !Self.chineseLocaleInstalled {
      #expect(session.capture().contains("C.UTF-8"), "the fallback is said once")
    }
  }
}
