import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

@Suite("TUI reducer")
struct ReducerTests {
  @Test func startsOnFailedCallsNewestFirst() throws {
    let store = try TUIFixtures.store()
    let state = TUIFixtures.loadedState(store: store)
    #expect(state.calls.total == 3)
    #expect(state.calls.rows.map(\.sessionId) == ["s-5", "s-3", "s-2"])
    #expect(state.counts?.calls == 5)
  }

  @Test func movingStaysInsideTheList() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.character("k")))
    #expect(state.calls.selected == 0)
    _ = Reducer.reduce(&state, .key(.down))
    _ = Reducer.reduce(&state, .key(.character("j")))
    #expect(state.calls.selectedRow?.sessionId == "s-2")
    _ = Reducer.reduce(&state, .key(.down))
    #expect(state.calls.selected == 2)
    _ = Reducer.reduce(&state, .key(.character("g")))
    #expect(state.calls.selected == 0)
    _ = Reducer.reduce(&state, .key(.character("G")))
    #expect(state.calls.selected == 2)
  }

  @Test func failedToggleAndFilterQueryTheStore() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("f"))), store: store)
    #expect(state.calls.total == 5)
    // The filter applies as it is typed; full numbers match although the screen masks them.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("/"))), store: store)
    #expect(state.editingFilter)
    for character in "10000000022" {
      TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character(character))), store: store)
    }
    #expect(state.calls.rows.map(\.sessionId) == ["s-4"])
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    #expect(!state.editingFilter)
    #expect(state.filter == "10000000022")
    // Words of a cause find the calls with the codes that mean it, in either language.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.escape)), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("/"))), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.paste("关机"))), store: store)
    #expect(state.calls.rows.map(\.sessionId) == ["s-2"])
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.escape)), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("/"))), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.paste("busy"))), store: store)
    #expect(state.calls.rows.map(\.sessionId) == ["s-3"])
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    // Esc on the list clears the filter.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.escape)), store: store)
    #expect(state.filter.isEmpty)
    #expect(state.calls.total == 5)
    #expect(!state.shouldQuit)
  }

  @Test func enterOpensTheCallWithItsDiagnosisAndEscGoesBack() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.down))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    #expect(state.page == .callDetail)
    #expect(state.detail?.call.sessionId == "s-3")
    #expect(state.detail?.diagnosis.findings.first?.ruleId == "callee-busy")
    _ = Reducer.reduce(&state, .key(.character("q")))
    #expect(state.page == .list)
    #expect(!state.shouldQuit)
    _ = Reducer.reduce(&state, .key(.character("q")))
    #expect(state.shouldQuit)
  }

  @Test func aBracketedPasteIsDiagnosedAtOnceAndCanBeSaved() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.character("p")))
    #expect(state.page == .paste)
    let event =
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"p-1","timestamp":"2024-05-13 05:25:41","stateCode":8104}}"#
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.paste(event))), store: store)
    #expect(state.paste.diagnosed)
    #expect(state.paste.results.first?.diagnosis.findings.first?.ruleId == "callee-powered-off")
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.control("s"))), store: store)
    #expect(state.paste.saved)
    #expect(try store.call(sessionId: "p-1") != nil)
  }

  @Test func typedTextIsDiagnosedWithCtrlDAndErrorsKeepTheirPlace() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.character("p")))
    for character in "{\"sessionId\":\"t-1\",\"ulFailReason\":" {
      _ = Reducer.reduce(&state, .key(.character(character)))
    }
    #expect(!state.paste.diagnosed)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.control("d"))), store: store)
    #expect(state.paste.diagnosed)
    #expect(state.paste.issues.first?.location.line == 1)
    // Keys typed on the paste page are text, not commands.
    _ = Reducer.reduce(&state, .key(.character("q")))
    #expect(state.page == .paste)
    _ = Reducer.reduce(&state, .key(.escape))
    #expect(state.page == .list)
  }

  @Test func tabsMaskingLanguageHelpAndCtrlC() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
    #expect(state.tab == .sms)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
    #expect(state.tab == .stats)
    // The three failed fixture calls, counted by the causes stored at import.
    #expect(state.statistics?.byCause.reduce(0) { $0 + $1.count } == 3)
    #expect(state.statistics?.byCause.contains { $0.ruleId == "callee-powered-off" && $0.count == 1 } == true)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
    #expect(state.tab == .calls)
    _ = Reducer.reduce(&state, .key(.character("m")))
    #expect(!state.masked)
    _ = Reducer.reduce(&state, .key(.character("L")))
    #expect(state.language == .chinese)
    _ = Reducer.reduce(&state, .key(.character("?")))
    #expect(state.page == .help)
    _ = Reducer.reduce(&state, .key(.control("c")))
    #expect(state.shouldQuit)
  }

  @Test func escNeverQuitsQClosesAndQuitsCapitalQQuitsFromAnywhere() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    // Esc on Calls with nothing to clear does nothing, however often.
    for _ in 0..<3 { TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.escape)), store: store) }
    #expect(!state.shouldQuit && state.page == .list && state.tab == .calls)
    // Esc on SMS or Stats goes to Calls.
    for tabs in 1...2 {
      for _ in 0..<tabs { TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store) }
      #expect(state.tab != .calls)
      TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.escape)), store: store)
      #expect(state.tab == .calls && !state.shouldQuit)
    }
    // An Alt key (Esc and a character together) is neither Esc nor the character.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.alt("q"))), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.alt("f"))), store: store)
    #expect(!state.shouldQuit && state.failedOnly)
    // Q quits from a detail page; q there only closes it.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    #expect(state.page == .callDetail)
    _ = Reducer.reduce(&state, .key(.character("Q")))
    #expect(state.shouldQuit)
  }

  @Test func aSignalEndsTheAppAndIsRemembered() {
    var state = TUIFixtures.state()
    _ = Reducer.reduce(&state, .signal(15))
    #expect(state.shouldQuit)
    #expect(state.endingSignal == 15)
  }

  @Test func lateAnswersToOldQueriesAreDropped() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    let stale = state.generation - 1
    _ = Reducer.reduce(
      &state, .callsLoaded(generation: stale, windowStart: 0, rows: [], total: 0, counts: state.counts))
    #expect(state.calls.total == 3)
  }

  @Test func aTotalCountedOnlyUpToTheListsBoundShowsAPlus() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(
      &state,
      .callsLoaded(
        generation: state.generation, windowStart: 0, rows: state.calls.rows, total: 10_000, counts: state.counts,
        totalIsLowerBound: true))
    let status = Renderer(knowledge: TUIFixtures.knowledge).render(state).lines.joined(separator: "\n")
    #expect(status.contains("10000+ shown"))
    // An exact total again drops the plus.
    _ = Reducer.reduce(
      &state,
      .callsLoaded(generation: state.generation, windowStart: 0, rows: state.calls.rows, total: 3, counts: state.counts))
    #expect(!Renderer(knowledge: TUIFixtures.knowledge).render(state).lines.joined().contains("+ shown"))
  }

  @Test func everyBoundCommandIsReachableAndHelpListsEveryBinding() {
    let bound = Set(KeyMap.all.flatMap(\.bindings).map(\.command))
    #expect(bound == Set(Command.allCases))
    var state = TUIFixtures.state()
    state.pages = [.help]
    let help = HelpView().lines(state).flatMap(\.pieces).map(\.text).joined(separator: "\n")
    for binding in KeyMap.all.flatMap(\.bindings) {
      #expect(help.contains(binding.label), "help misses \(binding.label)")
    }
  }
}
