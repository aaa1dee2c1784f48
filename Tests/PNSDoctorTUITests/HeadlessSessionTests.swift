import Testing
@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// The terminal UI without a terminal, as the benchmark drives it.
@Suite("Headless session")
struct HeadlessSessionTests {
  @Test func startsOnFailedCallsAndFiltersAndOpensAsTheTerminalWould() throws {
    let session = HeadlessSession(
      store: try TUIFixtures.store(), knowledge: TUIFixtures.knowledge, width: 100, height: 30, storeName: "fixture")
    let first = session.start()
    #expect(session.state.calls.total == 3, "the three failed fixture calls")
    #expect(first.lines.contains { $0.contains("3 shown") })
    session.press(.character("/"))
    for digit in "8104" { session.press(.character(digit)) }
    #expect(session.state.calls.rows.map(\.sessionId) == ["s-2"])
    session.press(.enter)
    let detail = session.press(.enter)
    #expect(detail.lines.contains { $0.contains("FINDINGS") })
    #expect(detail.lines.joined().contains("callee-powered-off"))
  }
}
