import Foundation
import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// Moving through the data without dead ends: next and previous call from a detail, a cause on
/// Stats opening its calls, and the list keeping up with the store by itself.
@Suite("TUI drill-down and live data")
struct DrillDownTests {
  private func key(_ key: Key, _ state: inout AppState, _ store: CallStore) {
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(key)), store: store)
  }

  @Test func nAndCapitalNStepThroughTheListFromADetail() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.enter, &state, store)
    #expect(state.detail?.call.sessionId == "s-5")
    key(.character("n"), &state, store)
    #expect(state.page == .callDetail)
    #expect(state.detail?.call.sessionId == "s-3")
    key(.character("]"), &state, store)
    #expect(state.detail?.call.sessionId == "s-2")
    // The end of the list says so and stays.
    key(.character("n"), &state, store)
    #expect(state.detail?.call.sessionId == "s-2")
    #expect(state.message?.contains("last call") == true)
    key(.character("N"), &state, store)
    #expect(state.detail?.call.sessionId == "s-3")
    // Back on the list, the selection is the call last shown.
    key(.character("q"), &state, store)
    #expect(state.page == .list && state.calls.selectedRow?.sessionId == "s-3")
  }

  @Test func enterOnACauseInStatsListsItsCallsAndEscReturnsToAllFailures() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.tab, &state, store)
    key(.tab, &state, store)
    #expect(state.tab == .stats)
    let causes = try #require(state.statistics?.byCause)
    let target = try #require(causes.firstIndex { $0.ruleId == "callee-busy" })
    for _ in 0..<target { key(.down, &state, store) }
    #expect(state.statsSelected == target)
    key(.enter, &state, store)
    #expect(state.tab == .calls && state.causeFilter == "callee-busy")
    #expect(state.calls.rows.map(\.sessionId) == ["s-3"])
    key(.escape, &state, store)
    #expect(state.causeFilter == nil && state.calls.total == 3)
    // f does nothing on Stats (it counts failed calls only), rather than pretend.
    key(.tab, &state, store)
    key(.tab, &state, store)
    key(.character("f"), &state, store)
    #expect(state.failedOnly)
  }

  @Test func newCallsFromAnotherImportShowWithoutAKeyAndTheSelectionStaysPut() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.down, &state, store)
    #expect(state.calls.selectedRow?.sessionId == "s-3")
    // Another import brings two newer failed calls.
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: TUIFixtures.knowledge)).importSource(
      InMemoryByteSource(
        name: "later",
        text: [
          TUIFixtures.cdr("s-6", start: "2024-05-13 05:15:00", answered: false, releasePoint: 8104),
          TUIFixtures.cdr("s-7", start: "2024-05-13 05:16:00", answered: false, releasePoint: 8104),
        ].joined(separator: "\n")))
    // A tick without a change does nothing; one with a change reloads.
    TUIFixtures.settle(&state, Reducer.reduce(&state, .tick(now: 100, storeChanged: false)), store: store)
    #expect(state.calls.total == 3)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .tick(now: 101, storeChanged: true)), store: store)
    #expect(state.calls.total == 5)
    #expect(state.counts?.calls == 7)
    #expect(state.calls.selectedRow?.sessionId == "s-3", "the selection stays on the same call")
    let fresh = Set(state.calls.rows.filter { state.freshRowIds.contains($0.rowId) }.map(\.sessionId))
    #expect(fresh == ["s-6", "s-7"])
    // The highlight goes after a few seconds.
    _ = Reducer.reduce(&state, .tick(now: 101 + AppState.freshSeconds, storeChanged: false))
    #expect(state.freshRowIds.isEmpty)
  }

  @Test func followModeKeepsTheNewestCallSelected() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    key(.down, &state, store)
    key(.character("F"), &state, store)
    #expect(state.following && state.calls.selected == 0)
    _ = try StoreImporter(store: store, engine: DiagnosisEngine(knowledge: TUIFixtures.knowledge)).importSource(
      InMemoryByteSource(
        name: "later", text: TUIFixtures.cdr("s-8", start: "2024-05-13 05:20:00", answered: false, releasePoint: 8104)))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .tick(now: 5, storeChanged: true)), store: store)
    #expect(state.calls.selectedRow?.sessionId == "s-8")
    key(.character("F"), &state, store)
    #expect(!state.following)
  }

  @Test func theStoreChangeTokenMovesWithEveryCommit() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pnsdoctor-token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("store.sqlite").path
    let writer = try CallStore.open(path: path, creating: true)
    let reader = try CallStore.openForReading(path: path)
    let before = reader.changeToken()
    #expect(reader.changeToken() == before, "no commit, no change")
    _ = try StoreImporter(store: writer).importSource(InMemoryByteSource(name: "one", text: TUIFixtures.cdr("t-1", start: "2024-05-13 05:20:00", answered: true)))
    let after = reader.changeToken()
    #expect(after != before)
    _ = try reader.counts()
    #expect(reader.changeToken() == after, "reading changes nothing")
  }
}
