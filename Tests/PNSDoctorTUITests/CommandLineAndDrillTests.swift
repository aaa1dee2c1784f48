import Foundation
import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// The `:` command line, related calls, copying a session id, an hour of the Stats chart, and
/// the key tables each page dispatches with.
@Suite("TUI command line and drill-down")
struct CommandLineAndDrillTests {
  private func key(_ key: Key, _ state: inout AppState, _ store: CallStore) {
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(key)), store: store)
  }

  private func command(_ text: String, _ state: inout AppState, _ store: CallStore) {
    key(.character(":"), &state, store)
    for character in text { key(.character(character), &state, store) }
    key(.enter, &state, store)
  }

  @Test func colonCommandsFilterSwitchAndAreKeptInHistory() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    command("cause callee-busy", &state, store)
    #expect(state.causeFilter == "callee-busy" && state.calls.rows.map(\.sessionId) == ["s-3"])
    // A unique part of a rule id is enough.
    command("cause powered-off", &state, store)
    #expect(state.causeFilter == "callee-powered-off")
    command("clear", &state, store)
    #expect(state.causeFilter == nil && state.calls.total == 3)
    // Digits of a number, answered calls too once `:all` ran.
    command("all", &state, store)
    command("number 0000022", &state, store)
    #expect(state.calls.rows.map(\.sessionId) == ["s-4"])
    #expect(Renderer(knowledge: TUIFixtures.knowledge).render(state).lines[22].contains("number 0000022"))
    command("number ab", &state, store)
    #expect(state.message?.contains("3 or more digits") == true && state.numberFilter == "0000022")
    // Time spans: absolute, and relative to now (the fixture's calls are long past).
    command("clear", &state, store)
    command("since 2024-05-13 05:12", &state, store)
    #expect(Set(state.calls.rows.map(\.sessionId)) == ["s-3", "s-4", "s-5"])
    command("until 2024-05-13 05:14", &state, store)
    #expect(Set(state.calls.rows.map(\.sessionId)) == ["s-3", "s-4"])
    state.now = Date().timeIntervalSince1970
    command("since 2h", &state, store)
    #expect(state.calls.total == 0)
    // Tabs by name and by a unique start; an ambiguous start lists its candidates.
    command("sta", &state, store)
    #expect(state.tab == .stats)
    command("s", &state, store)
    #expect(state.message?.contains(":sms") == true && state.message?.contains(":stats") == true)
    command("nonsense", &state, store)
    #expect(state.message?.contains("no command") == true)
    // ↑ walks back through what ran (latest first, repeats once); ↓ comes forward.
    key(.character(":"), &state, store)
    key(.up, &state, store)
    #expect(state.commandLine == "nonsense")
    key(.up, &state, store)
    #expect(state.commandLine == "s")
    key(.down, &state, store)
    #expect(state.commandLine == "nonsense")
    key(.escape, &state, store)
    #expect(state.commandLine == nil && !state.shouldQuit)
    command("q", &state, store)
    #expect(state.shouldQuit)
  }

  @Test func commandLineKeysAreTextNotCommands() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.character(":"), &state, store)
    for character in "quit" { key(.character(character), &state, store) }
    // q typed into the line did not quit, and f did not toggle anything.
    #expect(!state.shouldQuit && state.commandLine == "quit" && state.failedOnly)
    key(.backspace, &state, store)
    #expect(state.commandLine == "qui")
  }

  @Test func columnsCanBeChosenAndTheCauseStays() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(width: 120, height: 30, store: store)
    key(.character("o"), &state, store)
    #expect(state.commandLine?.hasPrefix("columns time,") == true)
    key(.escape, &state, store)
    command("columns time,session", &state, store)
    #expect(state.columns == [.time, .session, .cause])
    let heading = Renderer(knowledge: TUIFixtures.knowledge).render(state).lines[1]
    #expect(heading.contains("SESSION") && !heading.contains("CALLER"))
    command("columns tim", &state, store)
    #expect(state.message?.contains("no column 'tim'") == true && state.columns == [.time, .session, .cause])
    command("columns auto", &state, store)
    #expect(state.columns == nil)
  }

  @Test func relatedCallsOpenOverTheCallAndEscGoesBack() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.down, &state, store)
    key(.enter, &state, store)
    let detail = try #require(state.detail)
    #expect(detail.call.sessionId == "s-3")
    // s-3's caller made every other call of the fixture, within four minutes: nearest first.
    #expect(detail.related.map(\.summary.sessionId) == ["s-2", "s-4", "s-1", "s-5"])
    #expect(detail.related.allSatisfy { $0.sharesCaller || $0.sharesPrivacyNumber })
    #expect(detail.related.first?.offsetSeconds == -60)
    key(.character("2"), &state, store)
    #expect(state.detail?.call.sessionId == "s-4" && state.detailTrail.count == 1)
    key(.character("9"), &state, store)
    #expect(state.message?.contains("numbered 1 to") == true)
    key(.escape, &state, store)
    #expect(state.page == .callDetail && state.detail?.call.sessionId == "s-3" && state.detailTrail.isEmpty)
    key(.escape, &state, store)
    #expect(state.page == .list)
  }

  @Test func yCopiesTheSessionIdOnlyWhereTheTerminalTakesItAndShowsItOtherwise() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.enter, &state, store)
    key(.character("y"), &state, store)
    #expect(state.clipboardRequest == nil)
    #expect(state.message?.contains("s-5") == true)
    state.clipboardAvailable = true
    key(.character("y"), &state, store)
    #expect(state.clipboardRequest == "s-5")
    #expect(NcursesTerminal.acceptsClipboard(environment: ["TERM": "xterm-kitty"]))
    #expect(!NcursesTerminal.acceptsClipboard(environment: ["TERM": "xterm-kitty", "TMUX": "/tmp/t,1,0"]))
    #expect(!NcursesTerminal.acceptsClipboard(environment: ["TERM": "xterm-256color"]))
    #expect(NcursesTerminal.acceptsClipboard(environment: ["TERM": "xterm-256color", "PNSDOCTOR_CLIPBOARD": "osc52"]))
  }

  @Test func enterOnAnHourOfTheChartListsThatHoursFailedCalls() throws {
    let late = TUIFixtures.cdr("s-9", start: "2024-05-13 07:30:00", answered: false, releasePoint: 8102, q850: 17)
    let store = try TUIFixtures.store(TUIFixtures.pushes + "\n" + late)
    var state = TUIFixtures.loadedState(store: store)
    key(.tab, &state, store)
    key(.tab, &state, store)
    // The first → selects the peak hour (05:00, three failures), the next the hours after it.
    key(.right, &state, store)
    #expect(state.statsFocus == .hours)
    key(.enter, &state, store)
    #expect(state.tab == .calls && Set(state.calls.rows.map(\.sessionId)) == ["s-2", "s-3", "s-5"])
    key(.escape, &state, store)
    key(.tab, &state, store)
    key(.tab, &state, store)
    key(.right, &state, store)
    key(.right, &state, store)
    key(.right, &state, store)
    key(.enter, &state, store)
    #expect(state.calls.rows.map(\.sessionId) == ["s-9"])
  }

  @Test func eachPageDispatchesWithItsOwnTableAndHelpListsEveryTable() {
    var state = TUIFixtures.state()
    #expect(KeyMap.command(for: .character("n"), in: state) == nil)
    state.pages = [.callDetail]
    #expect(KeyMap.command(for: .character("n"), in: state) == .nextCall)
    #expect(KeyMap.command(for: .character("/"), in: state) == nil)
    state.pages = [.paste]
    #expect(KeyMap.command(for: .character("q"), in: state) == nil, "q is text on the paste page")
    #expect(KeyMap.command(for: .control("u"), in: state) == .clearPaste)
    state.pages = [.help]
    let help = HelpView().lines(state).flatMap(\.pieces).map(\.text).joined(separator: "\n")
    for table in KeyMap.all {
      #expect(help.contains(table.title.english.uppercased()))
    }
    for command in LineCommand.all { #expect(help.contains(":" + command.name.rawValue)) }
    // The paste page's hints come from its table.
    state.pages = [.paste]
    let hints = Renderer(knowledge: TUIFixtures.knowledge).render(state).lines[23]
    #expect(hints.contains("Ctrl-D diagnose") && hints.contains("Ctrl-U clear"))
  }
}
