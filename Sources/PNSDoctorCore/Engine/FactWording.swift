/// What the engine says about facts that are not codes: times present or absent, modes, digits,
/// neighbouring calls. Code meanings come from the code tables instead.
enum FactWording {
  static let unknownCode = LocalizedText(
    english: "Not in the platform's code table.", chinese: "平台码表中没有此值。")

  static func mode(_ mode: CallMode) -> LocalizedText {
    switch mode {
    case .axbOrX:
      return LocalizedText(english: "Service type 004: AXB or X mode.", chinese: "业务类型 004：AXB 或 X 模式。")
    case .unknown:
      return LocalizedText(english: "Mode unknown.", chinese: "模式未知。")
    default:
      return LocalizedText(english: "\(mode.rawValue) mode.", chinese: "\(mode.rawValue) 模式。")
    }
  }

  static func present(_ moment: CallMoment) -> LocalizedText {
    switch moment {
    case .callIn: return LocalizedText(english: "The call reached the privacy number.", chinese: "呼叫已到达隐私号。")
    case .forwarded:
      return LocalizedText(english: "The platform forwarded the call to the callee.", chinese: "平台已向被叫发起转接。")
    case .alerting: return LocalizedText(english: "The callee's phone rang.", chinese: "被叫已振铃。")
    case .answered: return LocalizedText(english: "The callee answered.", chinese: "被叫已应答。")
    case .ended: return LocalizedText(english: "The call ended.", chinese: "呼叫已结束。")
    case .failed: return LocalizedText(english: "The platform recorded a failure time.", chinese: "平台记录了失败时间。")
    }
  }

  static func absent(_ moment: CallMoment) -> LocalizedText {
    switch moment {
    case .callIn: return LocalizedText(english: "No time of arrival is known.", chinese: "没有呼入时间。")
    case .forwarded:
      return LocalizedText(english: "The call was never forwarded to a callee.", chinese: "呼叫未被转接到被叫。")
    case .alerting: return LocalizedText(english: "The callee's phone never rang.", chinese: "被叫从未振铃。")
    case .answered: return LocalizedText(english: "Nobody answered.", chinese: "无人应答。")
    case .ended: return LocalizedText(english: "No end time is known yet.", chinese: "尚无结束时间。")
    case .failed: return LocalizedText(english: "No failure time was recorded.", chinese: "没有失败时间。")
    }
  }

  static func duration(_ from: CallMoment, _ to: CallMoment) -> LocalizedText {
    LocalizedText(
      english: "Time from \(from.rawValue) to \(to.rawValue).", chinese: "从 \(from.rawValue) 到 \(to.rawValue) 的时长。")
  }

  static let deliveries = LocalizedText(
    english: "Times the CDR was delivered; the platform re-pushes until the receiver answers 200.",
    chinese: "话单被推送的次数；接收方未返回 200 时平台会重推。")

  static func contains(_ phrase: String) -> LocalizedText {
    LocalizedText(english: "Contains \"\(phrase)\".", chinese: "包含“\(phrase)”。")
  }

  static let lastEvent = LocalizedText(english: "The last event received.", chinese: "收到的最后一个事件。")

  static func differs(from other: NumberField) -> LocalizedText {
    LocalizedText(english: "Differs from \(other.rawValue).", chinese: "与 \(other.rawValue) 不同。")
  }

  static func smsMode(_ mode: SMSNotificationMode) -> LocalizedText {
    switch mode {
    case .block:
      return LocalizedText(
        english: "Block mode: the customer's server had to decide to forward or discard.",
        chinese: "Block 模式：需由客户服务器决定转发或丢弃。")
    case .notify:
      return LocalizedText(english: "Notify mode: for information only.", chinese: "Notify 模式：仅通知。")
    case .other(let name):
      return LocalizedText(english: "Mode \(name).", chinese: "模式 \(name)。")
    }
  }

  static func mentionsNumber(_ mentions: Bool) -> LocalizedText {
    mentions
      ? LocalizedText(english: "The text ends with @number.", chinese: "短信内容带有 @号码。")
      : LocalizedText(english: "The text carries no @number.", chinese: "短信内容未带 @号码。")
  }

  static func collectedDigits(empty: Bool) -> LocalizedText {
    empty
      ? LocalizedText(english: "No extension digits were collected.", chinese: "未收到分机号。")
      : LocalizedText(english: "Extension digits collected.", chinese: "已收到分机号。")
  }

  static func neighbours(_ pattern: NeighbourPattern) -> LocalizedText {
    var english = "Other calls within \(Int(pattern.window / 60)) min"
    var chinese = "\(Int(pattern.window / 60)) 分钟内的其他呼叫"
    var englishKeys: [String] = []
    var chineseKeys: [String] = []
    if pattern.sameCaller {
      englishKeys.append("the same caller")
      chineseKeys.append("同一主叫")
    }
    if pattern.samePrivacyNumber {
      englishKeys.append("the same privacy number")
      chineseKeys.append("同一隐私号")
    }
    if let length = pattern.calleePrefixLength {
      englishKeys.append("callees in the same number block (first \(length) characters)")
      chineseKeys.append("被叫号段相同（前 \(length) 位）")
    }
    if !englishKeys.isEmpty {
      english += " with " + englishKeys.joined(separator: ", ")
      chinese += "，" + chineseKeys.joined(separator: "、")
    }
    if pattern.match != nil {
      english += ", matching the pattern"
      chinese += "，且符合该模式"
    }
    return LocalizedText(english: english + ".", chinese: chinese + "。")
  }

  // MARK: - What the live receiver saw

  static func signature(_ check: PushSignatureCheck) -> LocalizedText {
    switch check {
    case .notChecked: return LocalizedText(english: "Not checked: no credentials.", chinese: "未校验：无凭据。")
    case .verified: return LocalizedText(english: "The signature verified.", chinese: "签名校验通过。")
    case .unsigned: return LocalizedText(english: "No X-AKSK or X-WSSE header.", chinese: "没有 X-AKSK 或 X-WSSE 头。")
    case .unreadableHeader:
      return LocalizedText(english: "The signature header could not be read.", chinese: "签名头无法解析。")
    case .unknownAppKey:
      return LocalizedText(
        english: "Signed for an app key the credentials file does not hold.", chinese: "签名所用 app key 不在凭据文件中。")
    case .digestMismatch:
      return LocalizedText(
        english: "The digest does not match the app secret held.", chinese: "摘要与所持 app secret 不符。")
    case .outsideWindow:
      return LocalizedText(
        english: "Created is more than 5 minutes from the receiver's clock.", chinese: "Created 与接收端时钟相差超过 5 分钟。")
    case .replayed: return LocalizedText(english: "A nonce seen before.", chinese: "重复的 nonce。")
    }
  }

  static let upstreamAnswer = LocalizedText(
    english: "Relayed to the customer's receiver, which did not answer 200.", chinese: "已转发到客户接收端，其未返回 200。")

  static func nextRepush(_ stage: RepushStage) -> LocalizedText {
    stage == .pending
      ? LocalizedText(
        english: "The platform's next try (1, 4, 9, 106, 203, 300 min after the first).",
        chinese: "平台的下一次重推（首次失败后 1、4、9、106、203、300 分钟）。")
      : LocalizedText(
        english: "A try that was due; the receiver has not seen it.", chinese: "应到的重推，接收端未收到。")
  }

  static let givenUp = LocalizedText(
    english: "The platform re-pushes 6 times, then gives up.", chinese: "平台最多重推 6 次，之后不再推送。")

  static func cdrExpected(pushes: Int, overdue: Bool) -> LocalizedText {
    overdue
      ? LocalizedText(
        english: "No CDR by then, though the receiver took \(pushes) push(es) of this call.",
        chinese: "此时仍无话单，而接收端已收到此呼叫的 \(pushes) 个推送。")
      : LocalizedText(
        english: "The CDR may still come until then (the receiver took \(pushes) push(es) of this call).",
        chinese: "在此之前话单仍可能到达（接收端已收到此呼叫的 \(pushes) 个推送）。")
  }
}

extension CallMoment {
  /// The CDR field that records this moment.
  var wireName: String {
    switch self {
    case .callIn: return "callInTime"
    case .forwarded: return "fwdStartTime"
    case .alerting: return "fwdAlertingTime"
    case .answered: return "fwdAnswerTime"
    case .ended: return "callEndTime"
    case .failed: return "failTime"
    }
  }
}
