import Testing

@testable import PNSDoctorCore
@testable import PNSDoctorTUI

/// Page lines wrapped at the screen's edge: under their hanging indent, never starting with
/// closing punctuation or splitting a word that fits on a line.
@Suite("TUI line wrapping")
struct LineWrapTests {
  private func wrapped(_ line: StyledLine, width: Int) -> [String] {
    ScreenBuffer(width: width, height: 10).wrap(line).map { $0.pieces.map(\.text).joined() }
  }

  @Test func chineseNeverStartsALineWithClosingPunctuation() {
    let text = "请主叫几分钟后再拨，被叫忙通常是暂时的。如同一被叫长时间每次都是忙，请直接拨打被叫真实号码。"
    for width in 12...40 {
      let lines = wrapped(StyledLine("  " + text), width: width)
      #expect(lines.count > 1)
      for line in lines.dropFirst() {
        let first = line.drop { $0 == " " }.first
        #expect(first.map { !"。，、；：？！）》」".contains($0) } ?? true, "width \(width): \(lines)")
      }
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
      #expect(lines.joined().filter { $0 != " " } == text, "nothing lost at width \(width)")
    }
  }

  @Test func continuationsHangUnderTheTextAndWordsStayWhole() {
    var line = StyledLine([("  1) ", .normal), ("Ask the caller to try again in a few minutes", .normal)])
    line.hangingIndent = 5
    let lines = wrapped(line, width: 24)
    #expect(lines.first == "  1) Ask the caller to")
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    let words = Set("Ask the caller to try again in a few minutes".split(separator: " ").map(String.init))
    for piece in lines.flatMap({ $0.split(separator: " ") }) { #expect(piece == "1)" || words.contains(String(piece))) }
  }

  @Test func aLatinWordInsideChineseIsNotSplitAndAWordLongerThanALineIs() {
    let lines = wrapped(StyledLine("检查 recordHintTone 参数是否携带"), width: 16)
    #expect(lines.contains { $0.contains("recordHintTone") })
    let long = wrapped(StyledLine(String(repeating: "x", count: 30)), width: 12)
    #expect(long.count == 3 && long.allSatisfy { $0.count <= 12 })
  }
}
