/// The words both faces of the program, the CLI and the TUI, use for the same things: how a
/// call ended, a verdict, a confidence, and a diagnosis without findings. Worded once, so the
/// two never say it differently.
public enum Wording {
  public static func outcome(_ outcome: CallOutcome, in language: Language) -> String {
    switch outcome {
    case .answered: return language.pick("answered", "已接通")
    case .failed: return language.pick("failed", "失败")
    case .inProgress: return language.pick("ongoing", "进行中")
    }
  }

  public static func verdict(_ verdict: Verdict, in language: Language) -> String {
    switch verdict {
    case .ok: return language.pick("ok", "正常")
    case .failed: return language.pick("failed", "失败")
    case .unknown: return language.pick("unknown", "未知")
    case .pending: return language.pick("pending", "待应答")
    }
  }

  /// A finding's confidence as a whole percentage: `90%`.
  public static func confidence(_ confidence: Double) -> String {
    "\(Int((min(max(confidence, 0), 1) * 100).rounded()))%"
  }

  /// What a diagnosis without findings says, by its verdict.
  public static func noFindings(_ verdict: Verdict, in language: Language) -> String {
    switch verdict {
    case .ok: return language.pick("No problem found.", "未发现问题。")
    case .pending:
      return language.pick(
        "Waiting for your server's answer to this Block notification: it decides whether the message is forwarded; the result comes in a later notification.",
        "等待客户服务器对该 Block 通知的应答：由其决定是否转发短信，结果见后续通知。")
    case .failed, .unknown:
      return language.pick(
        "No rule explains this yet; check its codes with `pnsdoctor codes`.", "暂无规则能解释，请用 `pnsdoctor codes` 查询原因码。")
    }
  }
}
