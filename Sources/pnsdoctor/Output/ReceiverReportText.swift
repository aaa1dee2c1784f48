import Foundation
import PNSDoctorCore

/// `pnsdoctor receiver`'s output: the receiver's figures, then its latest failures, each with
/// what to check.
struct ReceiverReportText {
  let report: ReceiverReport
  let display: DisplayOptions
  let language: Language

  func text() -> String {
    guard report.pushes > 0 else {
      return language.pick(
        "the receiver recorded no push in this store (start one with `pnsdoctor serve`)\n",
        "此存储中没有接收端记录的推送（用 `pnsdoctor serve` 启动接收端）\n")
    }
    let times = display.timeDisplay
    var lines: [String] = []
    let span = [report.firstPushMs, report.lastPushMs].compactMap { $0 }.map {
      times.format(Timestamp(millisecondsSince1970: $0))
    }
    lines.append(
      language.pick(
        "receiver: \(report.pushes) push(es), \(report.records) message(s) (\(report.newRecords) new), \(span.joined(separator: " … "))",
        "接收端：\(report.pushes) 个推送，\(report.records) 条消息（新 \(report.newRecords) 条），\(span.joined(separator: " … "))"))
    lines.append(line(language.pick("outcome", "结果"), report.byDisposition))
    lines.append(line(language.pick("kind", "类型"), report.byKind))
    lines.append(line(language.pick("signature", "签名"), report.bySignature))
    lines.append(line(language.pick("answered", "应答"), report.byAnsweredStatus))
    if report.forwarded > 0 {
      let p50 = report.upstreamP50Ms.map { String(format: "%.1f", $0) } ?? "-"
      let p99 = report.upstreamP99Ms.map { String(format: "%.1f", $0) } ?? "-"
      lines.append(
        language.pick(
          "  upstream: \(report.forwarded) forwarded, \(report.upstreamFailures) not answered 200, p50 \(p50) ms, p99 \(p99) ms",
          "  上游：转发 \(report.forwarded) 个，\(report.upstreamFailures) 个未应答 200，p50 \(p50) 毫秒，p99 \(p99) 毫秒"))
    }
    let minutes = report.minutes.suffix(10).map { minute in
      "\(times.formatShort(Timestamp(millisecondsSince1970: minute.startMs))) \(minute.pushes)"
    }
    lines.append("  " + language.pick("per minute", "每分钟") + ": " + minutes.joined(separator: " · "))
    if report.failures.isEmpty {
      lines.append(language.pick("no failure: every push was stored whole and answered 200", "无失败：所有推送均完整存储并应答 200"))
    } else {
      lines.append(language.pick("latest failures (newest first):", "最近的失败（最新在前）："))
      for push in report.failures {
        let when = times.format(Timestamp(millisecondsSince1970: push.receivedMs))
        var parts = [
          when, display.show(text: push.method, limit: 10), display.show(text: push.path, limit: 60),
          "→ \(push.answeredStatus)", push.disposition.name,
        ]
        if push.signature.isFailure { parts.append(language.pick("signature ", "签名 ") + push.signature.name) }
        if let status = push.upstreamStatus { parts.append(language.pick("upstream ", "上游 ") + "\(status)") }
        if let error = push.upstreamError { parts.append(language.pick("upstream ", "上游 ") + display.show(text: error, limit: 80)) }
        lines.append("  #\(push.id) " + parts.joined(separator: "  "))
        if let reason = push.reason { lines.append("      " + display.show(text: reason, limit: 200)) }
        if let step = nextStep(for: push) { lines.append("      → " + step) }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func json(masked: Bool) -> String {
    guard masked else { return JSONText.encode(report) }
    var copy = report
    copy.failures = copy.failures.map { push in
      var push = push
      push.path = PhoneNumber.maskAll(in: push.path)
      push.reason = push.reason.map { PhoneNumber.maskAll(in: $0) }
      push.upstreamError = push.upstreamError.map { PhoneNumber.maskAll(in: $0) }
      return push
    }
    return JSONText.encode(copy)
  }

  private func line(_ label: String, _ counts: [String: Int]) -> String {
    "  \(label): " + ReceiverReport.listing(counts)
  }

  /// What the engineer checks for a failed push.
  private func nextStep(for push: ReceiverReport.Push) -> String? {
    switch push.signature {
    case .digestMismatch:
      return language.pick(
        "push signature did not verify: check the app secret in the credentials file against the console's",
        "推送签名校验失败：请核对凭据文件中的 app secret 与控制台是否一致")
    case .unsigned:
      return language.pick(
        "push carried no signature: it may not come from the platform, or the app's push signing is off",
        "推送未携带签名：可能不是平台发出的，或应用未开启推送签名")
    case .unknownAppKey:
      return language.pick(
        "signed for an app key the credentials file does not hold: add it", "签名使用的 app key 不在凭据文件中：请补充")
    case .outsideWindow:
      return language.pick(
        "Created is far from this machine's clock: check NTP here", "Created 时间与本机时钟相差过大：请检查本机 NTP")
    case .replayed:
      return language.pick(
        "a nonce seen before within the window: a replay, or a proxy sending twice", "时间窗口内重复的 nonce：重放，或代理重复发送")
    case .verified, .notChecked, .unreadableHeader:
      break
    }
    switch push.disposition {
    case .unreadable, .partlyRead:
      return language.pick(
        "the body could not be read as a push: the platform will not send it differently; its bytes are kept in the store (push #\(push.id))",
        "请求体无法作为推送读取：平台不会换一种方式重发；原始字节已保存在存储中（推送 #\(push.id)）")
    case .tooLarge:
      return language.pick(
        "over --body-limit: raise it if this was a real CDR batch (the platform re-pushes it up to 6 times)",
        "超过 --body-limit：若为真实话单批次请调大（平台最多重推 6 次）")
    case .wrongMethod:
      return language.pick(
        "not a POST: the platform only POSTs; something else is calling this URL", "不是 POST：平台只发 POST，有其他程序在访问此 URL")
    case .signatureRefused, .stored:
      return nil
    }
  }
}
