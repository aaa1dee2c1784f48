import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// Each screen drawn at fixed sizes and compared with its text snapshot.
@Suite("TUI rendering")
struct RenderTests {
  static let knowledge = TUIFixtures.snapshotKnowledge

  private func render(_ state: AppState) -> ScreenBuffer {
    Renderer(knowledge: Self.knowledge).render(state)
  }

  private func store(_ text: String = TUIFixtures.pushes) throws -> CallStore {
    try TUIFixtures.store(text, knowledge: Self.knowledge)
  }

  private func loaded(_ width: Int, _ height: Int, _ language: Language = .english, store: CallStore) -> AppState {
    TUIFixtures.loadedState(width: width, height: height, language: language, store: store, knowledge: Self.knowledge)
  }

  static let sizes = [(80, 24), (120, 40), (200, 60)]

  @Test(arguments: [Language.english, .chinese])
  func callsAtEverySize(language: Language) throws {
    let store = try store()
    for (width, height) in Self.sizes {
      let state = loaded(width, height, language, store: store)
      let screen = render(state)
      let name = "calls-\(language == .chinese ? "zh" : "en")-\(width)x\(height)"
      TUIFixtures.assertSnapshot(screen.snapshot, named: name)
      // The causes' titles are whole at every width: columns go before the cause is cut.
      for title in ["Callee busy", "Callee's phone off or out of coverage", "Call rejected on the callee side"] {
        let wanted = Self.knowledge.rules.first { $0.title.english == title }?.title.text(in: language) ?? title
        #expect(screen.snapshot.contains(wanted), "\(name) cuts \(wanted)")
      }
      // Codes from 120 columns, the session id from 160.
      #expect(screen.snapshot.contains("-/7504/21/603") == (width >= 120), "\(name)")
      #expect(screen.lines[1].contains("SESSION") == (width >= 160), "\(name)")
    }
  }

  @Test func confidenceIsRightAlignedSoCauseTitlesLineUp() throws {
    let screen = render(loaded(120, 40, store: try store()))
    let starts = screen.lines[2...4].compactMap { line -> Int? in
      guard let percent = line.firstIndex(of: "%") else { return nil }
      return line.distance(from: line.startIndex, to: percent)
    }
    #expect(starts.count == 3 && Set(starts).count == 1)
  }

  @Test func theSortColumnIsMarkedAndFilterMatchesAreHighlightedInMaskedNumbers() throws {
    let store = try store()
    var state = loaded(120, 40, store: store)
    #expect(render(state).lines[1].contains("TIME ▼"))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("s"))), store: store, knowledge: Self.knowledge)
    #expect(render(state).lines[1].contains("TIME ▲"))
    // "0000002" sits in the masked middle of the caller +8610000000021: its places are marked.
    state = loaded(120, 40, store: store)
    for key in ["/"] + "0000002".map(String.init) {
      TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character(Character(key)))), store: store, knowledge: Self.knowledge)
    }
    let screen = render(state)
    let row = 2
    let marked = (0..<screen.width).filter { screen[$0, row].role == .match }
    let caller = try #require(screen.lines[row].range(of: "+86100****0021"))
    let callerStart = screen.lines[row].distance(from: screen.lines[row].startIndex, to: caller.lowerBound)
    // +8610000000021: the digits 0000002 are at offsets 6...12 of the number.
    #expect(marked.contains(callerStart + 6) && marked.contains(callerStart + 12))
  }

  @Test(arguments: [Language.english, .chinese])
  func callDetailWithRelatedCalls(language: Language) throws {
    let store = try store()
    var state = loaded(120, 40, language, store: store)
    _ = Reducer.reduce(&state, .key(.down))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store, knowledge: Self.knowledge)
    let screen = render(state)
    TUIFixtures.assertSnapshot(screen.snapshot, named: "detail-\(language == .chinese ? "zh" : "en")-120x40")
    #expect(state.detail?.related.isEmpty == false)
  }

  @Test func rawViewListsMessagesInTimeOrderUnderHeaders() throws {
    let event =
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"s-2","timestamp":"2024-05-13 05:11:30","caller":"+8610000000021","called":"+8610300000003","stateCode":8104}}"#
    let store = try store(TUIFixtures.pushes + "\n" + event)
    var state = loaded(120, 40, store: store)
    _ = Reducer.reduce(&state, .key(.down))
    _ = Reducer.reduce(&state, .key(.down))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store, knowledge: Self.knowledge)
    _ = Reducer.reduce(&state, .key(.character("v")))
    let lines = render(state).lines
    let headers = lines.filter { $0.hasPrefix("1. ") || $0.hasPrefix("2. ") }
    #expect(headers.count == 2)
    // The event (05:11:30) before the CDR pushed at the call's end (05:11:40), each saying
    // where it was read.
    #expect(headers.first?.contains("call event  2024-05-13 05:11:30") == true)
    #expect(headers.last?.contains("CDR  2024-05-13 05:11:40  delivered once  fixture:") == true)
  }

  @Test func helpStatsWithASelectedCauseAndTooSmall() throws {
    let store = try store()
    var state = loaded(80, 24, store: store)
    _ = Reducer.reduce(&state, .key(.character("?")))
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "help-80x24")
    _ = Reducer.reduce(&state, .key(.escape))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store, knowledge: Self.knowledge)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store, knowledge: Self.knowledge)
    _ = Reducer.reduce(&state, .key(.down))
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "stats-80x24")
    _ = Reducer.reduce(&state, .resized(width: 40, height: 10))
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "too-small-40x10")
  }

  @Test func hostileTextFromDataCannotReachTheTerminalAndTheLayoutHolds() throws {
    let hostile = TUIFixtures.cdr(
      "evil\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u202egnp.exe\\r\\nnext\\u009b31m\\u061c\\u2028\\u180e\\u200b\\u2066end",
      start: "2024-05-13 05:20:00",
      answered: false,
      releasePoint: 8104)
    let store = try store(TUIFixtures.pushes + "\n" + hostile)
    var state = loaded(160, 30, store: store)
    var screen = render(state)
    let everything = screen.cells.map(\.text).joined()
    #expect(!everything.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    let invisible: Set<Unicode.Scalar> = ["\u{202E}", "\u{061C}", "\u{2028}", "\u{180E}", "\u{200B}", "\u{2066}"]
    #expect(!everything.unicodeScalars.contains { invisible.contains($0) })
    // The hostile call opens, and its session id shows placeholders, on one line.
    _ = Reducer.reduce(&state, .key(.character("g")))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store, knowledge: Self.knowledge)
    screen = render(state)
    let line = try #require(screen.lines.first { $0.contains("evil") })
    #expect(line.contains("␛]52;c;ZXZpbA==␇␛[2J"))
    #expect(line.contains("\\u{202E}gnp.exe␍␊next\\u{9B}31m\\u{61C}\\u{2028}\\u{180E}\\u{200B}\\u{2066}end"))
    #expect(screen.lines.allSatisfy { screen.columns($0) <= 160 })
  }
}

@Suite("TUI rendering: SMS and paste")
struct MoreRenderTests {
  private static let smsPushes = [
    #"{"appKey":"****","smsEvent":{"smsIdentifier":"m-1","notificationMode":"Notify","calling":"+8610000000021","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:24:57.123Z","sendResult":13}}"#,
    #"{"appKey":"****","smsEvent":{"smsIdentifier":"m-2","notificationMode":"Block","calling":"+8610000000022","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:30:00.000Z","smsContent":"到了","sendResult":7}}"#,
  ].joined(separator: "\n")

  @Test func smsListAndDetail() throws {
    let knowledge = TUIFixtures.snapshotKnowledge
    let store = try TUIFixtures.store(TUIFixtures.pushes + "\n" + Self.smsPushes, knowledge: knowledge)
    var state = TUIFixtures.loadedState(store: store, knowledge: knowledge)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store, knowledge: knowledge)
    let renderer = Renderer(knowledge: knowledge)
    TUIFixtures.assertSnapshot(renderer.render(state).snapshot, named: "sms-80x24")
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store, knowledge: knowledge)
    #expect(state.smsDetail?.notification.smsIdentifier == "m-2")
    TUIFixtures.assertSnapshot(renderer.render(state).snapshot, named: "sms-detail-80x24")
  }

  @Test func pasteWithAnError() throws {
    let knowledge = TUIFixtures.snapshotKnowledge
    let store = try TUIFixtures.store(knowledge: knowledge)
    var state = TUIFixtures.loadedState(store: store, knowledge: knowledge)
    _ = Reducer.reduce(&state, .key(.character("p")))
    let text =
      #"{"sessionId":"x-1","ulFailReason":"busy","callerNum":"+8610000000021"}"# + "\n"
      + #"{"eventType":"disconnect","statusInfo":{"sessionId":"x-2","timestamp":"2024-05-13 05:25:41","stateCode":8102}}"#
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.paste(text))), store: store, knowledge: knowledge)
    let screen = Renderer(knowledge: knowledge).render(state)
    TUIFixtures.assertSnapshot(screen.snapshot, named: "paste-80x24")
    #expect(screen.snapshot.contains("<paste>:1:1"))
    #expect(!screen.snapshot.contains("+8610000000021"), "pasted numbers are masked on screen")
  }
}
