import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// Each screen drawn at fixed sizes and compared with its text snapshot.
@Suite("TUI rendering")
struct RenderTests {
  private func render(_ state: AppState) -> ScreenBuffer {
    Renderer(knowledge: TUIFixtures.knowledge).render(state)
  }

  @Test func callsAt80x24() throws {
    let state = TUIFixtures.loadedState(store: try TUIFixtures.store())
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "calls-80x24")
  }

  @Test func callsInChineseAt120x30KeepColumnsAligned() throws {
    let state = TUIFixtures.loadedState(width: 120, height: 30, language: .chinese, store: try TUIFixtures.store())
    let screen = render(state)
    TUIFixtures.assertSnapshot(screen.snapshot, named: "calls-zh-120x30")
    // Every data row starts its cause column at the same screen column, whatever the Chinese
    // text before it.
    let causeColumns = (2..<5).map { row in
      (0..<screen.width).first { screen[$0, row].text == "8" || screen[$0, row].text == "7" && $0 > 80 } ?? -1
    }
    #expect(Set(causeColumns).count == 1)
  }

  @Test func allCallsAt200x60() throws {
    var state = TUIFixtures.loadedState(width: 200, height: 60, store: try TUIFixtures.store())
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.character("f"))), store: try TUIFixtures.store())
    let screen = render(state)
    #expect(screen.snapshot.contains("2024-05-13 05:14:00"))
    #expect(screen.snapshot.contains("answered"))
    #expect(!screen.snapshot.contains("+8610000000021"), "numbers are masked by default")
  }

  @Test func callDetail() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(width: 100, height: 50, store: store)
    _ = Reducer.reduce(&state, .key(.down))
    _ = Reducer.reduce(&state, .key(.down))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "detail-100x50")
  }

  @Test func helpAndStatsAndTooSmall() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.character("?")))
    TUIFixtures.assertSnapshot(render(state).snapshot, named: "help-80x24")
    _ = Reducer.reduce(&state, .key(.escape))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
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
    let store = try TUIFixtures.store(TUIFixtures.pushes + "\n" + hostile)
    var state = TUIFixtures.loadedState(width: 160, height: 30, store: store)
    var screen = render(state)
    let everything = screen.cells.map(\.text).joined()
    #expect(!everything.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    let invisible: Set<Unicode.Scalar> = ["\u{202E}", "\u{061C}", "\u{2028}", "\u{180E}", "\u{200B}", "\u{2066}"]
    #expect(!everything.unicodeScalars.contains { invisible.contains($0) })
    // The hostile call opens, and its session id shows placeholders, on one line.
    _ = Reducer.reduce(&state, .key(.character("g")))
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
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
    let store = try TUIFixtures.store(TUIFixtures.pushes + "\n" + Self.smsPushes)
    var state = TUIFixtures.loadedState(store: store)
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.tab)), store: store)
    let renderer = Renderer(knowledge: TUIFixtures.knowledge)
    TUIFixtures.assertSnapshot(renderer.render(state).snapshot, named: "sms-80x24")
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.enter)), store: store)
    #expect(state.smsDetail?.diagnosis.findings.first?.ruleId == "sms-not-forwarded")
    TUIFixtures.assertSnapshot(renderer.render(state).snapshot, named: "sms-detail-80x24")
  }

  @Test func pasteWithAnError() throws {
    let store = try TUIFixtures.store()
    var state = TUIFixtures.loadedState(store: store)
    _ = Reducer.reduce(&state, .key(.character("p")))
    let text =
      #"{"sessionId":"x-1","ulFailReason":"busy","callerNum":"+8610000000021"}"# + "\n"
      + #"{"eventType":"disconnect","statusInfo":{"sessionId":"x-2","timestamp":"2024-05-13 05:25:41","stateCode":8102}}"#
    TUIFixtures.settle(&state, Reducer.reduce(&state, .key(.paste(text))), store: store)
    let screen = Renderer(knowledge: TUIFixtures.knowledge).render(state)
    TUIFixtures.assertSnapshot(screen.snapshot, named: "paste-80x24")
    #expect(screen.snapshot.contains("<paste>:1:1"))
    #expect(!screen.snapshot.contains("+8610000000021"), "pasted numbers are masked on screen")
  }
}
