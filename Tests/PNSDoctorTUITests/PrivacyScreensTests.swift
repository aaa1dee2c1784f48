import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// Every screen of the terminal UI (the list, a call's story, its raw messages, the SMS page,
/// a pasted diagnosis) over calls whose every field holds a (fake) number: none shows it whole
/// while masking is on, and `m` reveals it.
@Suite("Privacy of every screen")
struct PrivacyScreensTests {
  static let mobile = "+8610912345678"
  static let service = "4000012345"
  static let whole = ["10912345678", service]

  static let input: String = {
    let n = mobile
    let session = "1207_0_\(service)_20240513052457@callenabler246.huaweicaas.com"
    return [
      #"{"eventType":"fee","feeLst":[{"direction":1,"spId":"\#(n)","icid":"\#(n)","bindNum":"\#(n)","sessionId":"\#(session)","subscriptionId":"\#(n)","callerNum":"\#(n)","calleeNum":"\#(n)","fwdDisplayNum":"\#(n)","fwdDstNum":"\#(service)","callInTime":"2024-05-13 05:24:57","callEndTime":"2024-05-13 05:25:41","ulFailReason":"\#(n)","sipStatusCode":"\#(n)","serviceType":"004","hostName":"\#(n)","userData":"\#(n)"}]}"#,
      #"{"eventType":"disconnect","statusInfo":{"sessionId":"\#(session)","timestamp":"2024-05-13 05:25:41","caller":"\#(n)","called":"\#(n)","stateCode":"\#(n)","stateDesc":"\#(n)"}}"#,
      #"{"appKey":"k","smsEvent":{"smsIdentifier":"\#(n)","notificationMode":"Notify","calling":"\#(n)","called":"\#(n)","virtualNumber":"\#(service)","event":"Text SMS","timeStamp":"2024-05-13T05:24:57.450Z","smsContent":"\#(n)","sendResult":2}}"#,
    ].joined(separator: "\n") + "\n"
  }()

  private func leaks(_ screen: ScreenBuffer) -> [String] {
    screen.lines.filter { line in Self.whole.contains { line.contains($0) } }
  }

  @Test func noScreenShowsANumberWholeUntilRevealed() throws {
    let store = try TUIFixtures.store(Self.input)
    let session = HeadlessSession(store: store, knowledge: TUIFixtures.knowledge, width: 200, height: 60, storeName: "numbers")
    var screens: [(String, ScreenBuffer)] = [("list", session.start())]
    screens.append(("detail", session.press(.enter)))
    for _ in 0..<6 { screens.append(("detail, scrolled", session.press(.pageDown))) }
    screens.append(("raw", session.press(.character("v"))))
    for _ in 0..<4 { screens.append(("raw, scrolled", session.press(.pageDown))) }
    session.press(.escape)
    session.press(.escape)
    screens.append(("all calls", session.press(.character("f"))))
    screens.append(("SMS", session.press(.tab)))
    screens.append(("SMS detail", session.press(.enter)))
    session.press(.escape)
    session.press(.escape)
    session.press(.character("p"))
    screens.append(("paste", session.press(.paste(Self.input))))
    for _ in 0..<4 { screens.append(("paste, scrolled", session.press(.pageDown))) }
    for (name, screen) in screens {
      #expect(leaks(screen).isEmpty, "\(name): \(leaks(screen))")
    }
    // The screens did show the data, so the test looked at something: the list its call, the
    // story its CDR panel (hostName, whose whole number the panel once showed).
    #expect(screens[0].1.lines.joined().contains("+86109****5678"))
    let panel = screens.flatMap { $0.1.lines }.first { $0.contains("hostName") } ?? ""
    #expect(panel.contains("+86109****5678"), "the CDR panel's hostName row: \(panel)")
    // Revealed on request.
    session.press(.escape)
    session.press(.character("m"))
    let revealed = session.press(.character("f"))
    #expect(revealed.lines.joined().contains(Self.mobile) || revealed.lines.joined().contains("10912345678"))
  }
}
