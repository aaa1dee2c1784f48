import Foundation
import PNSDoctorCore

/// The Stats screen's receiver section: how the CDR pushes were acknowledged (from the
/// deliveries counted on import), and, when `pnsdoctor serve` writes to this store, what it
/// took in the last day: outcomes, signatures, the customer's receiver's answers in tap mode,
/// and the latest failure. `pnsdoctor receiver` gives the whole report.
enum StatsReceiverLines {
  /// One line of the section and its role.
  struct Line: Equatable {
    var text: String
    var role: Role
  }

  static func lines(_ statistics: FailureStatistics, _ state: AppState) -> [Line] {
    let l = state.language
    var lines: [Line] = []
    if let report = state.receiverDay { lines += receiverLines(report, state) }
    lines.append(
      statistics.rePushedCalls == 0
        ? Line(
          text: l.pick("RECEIVER  every CDR acknowledged at its first push", "接收方  所有话单首次推送即确认"), role: .muted)
        : Line(
          text: l.pick(
            "RECEIVER  \(statistics.rePushedCalls) calls' CDRs re-pushed: the receiver did not answer 200 in time",
            "接收方  \(statistics.rePushedCalls) 通呼叫的话单被重推：接收方未及时返回 200"), role: .warning))
    return lines
  }

  private static func receiverLines(_ report: ReceiverReport, _ state: AppState) -> [Line] {
    let l = state.language
    let times = state.timeDisplay
    var lines: [Line] = []
    let last = report.lastPushMs.map { times.formatShort(Timestamp(millisecondsSince1970: $0)) } ?? "-"
    lines.append(
      Line(
        text: l.pick(
          "LIVE RECEIVER (last 24 h)  \(report.pushes) pushes · \(report.records) messages (\(report.newRecords) new) · last \(last)",
          "实时接收（最近 24 小时）  推送 \(report.pushes) 个 · 消息 \(report.records) 条（新 \(report.newRecords) 条）· 最近 \(last)"),
        role: .heading))
    lines.append(
      Line(
        text: "  " + l.pick("outcome ", "结果 ") + ReceiverReport.listing(report.byDisposition) + "   " + l.pick("signature ", "签名 ")
          + ReceiverReport.listing(report.bySignature),
        role: .normal))
    if report.forwarded > 0 {
      let p50 = report.upstreamP50Ms.map { String(format: "%.1f", $0) } ?? "-"
      let p99 = report.upstreamP99Ms.map { String(format: "%.1f", $0) } ?? "-"
      lines.append(
        Line(
          text: l.pick(
            "  upstream  \(report.forwarded) forwarded · \(report.upstreamFailures) not answered 200 · p50 \(p50) ms · p99 \(p99) ms",
            "  上游  转发 \(report.forwarded) 个 · 未应答 200 的 \(report.upstreamFailures) 个 · p50 \(p50) 毫秒 · p99 \(p99) 毫秒"),
          role: report.upstreamFailures > 0 ? .warning : .normal))
    }
    if let failure = report.failures.first {
      var parts = [
        times.formatShort(Timestamp(millisecondsSince1970: failure.receivedMs)), failure.method,
        Presentation.text(failure.path, state), "→ \(failure.answeredStatus)", failure.disposition.name,
      ]
      if failure.signature.isFailure { parts.append(l.pick("signature ", "签名 ") + failure.signature.name) }
      if let status = failure.upstreamStatus, status != 200 { parts.append(l.pick("upstream ", "上游 ") + "\(status)") }
      if let error = failure.upstreamError {
        parts.append(l.pick("upstream ", "上游 ") + Presentation.text(error, state))
      }
      lines.append(
        Line(
          text: l.pick("  latest failure  ", "  最近失败  ") + parts.joined(separator: "  ")
            + l.pick("  (pnsdoctor receiver lists them)", "（pnsdoctor receiver 可列出全部）"),
          role: .failure))
    }
    return lines
  }
}
