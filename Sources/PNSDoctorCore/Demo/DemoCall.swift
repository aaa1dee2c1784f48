/// One synthetic call: who, through which number, how it went, and when each step happened.
struct DemoCall {
  var sessionId: String
  var mode: CallMode
  var caller: String
  var privacyNumber: String
  var callee: String
  var subscriptionId: String?
  var extensionNumber: String?
  var scenario: DemoScenario
  var callIn: Int64
  var forwardStart: Int64?
  var alerting: Int64?
  var answer: Int64?
  var end: Int64
  var recorded: Bool
  var icid: String
  var hostName: String
  var userData: String?

  var serviceType: String {
    switch mode {
    case .ax: return "003"
    case .axe: return "005"
    case .axyb: return "007"
    default: return "004"
    }
  }

  /// The call's events as JSON Lines, in the order the platform pushes them.
  func eventLines(into out: inout [String]) {
    let sid = sessionId
    let binding = subscriptionId.map { ",\"subscriptionId\":\"\($0)\"" } ?? ""
    let user = userData.map { ",\"userData\":\"\($0)\"" } ?? ""
    // AXE callin carries no subscriptionId.
    let callInBinding = mode == .axe ? "" : binding
    out.append(
      "{\"eventType\":\"callin\",\"statusInfo\":{\"sessionId\":\"\(sid)\",\"timestamp\":\"\(wire(callIn))\",\"caller\":\"\(caller)\",\"called\":\"\(privacyNumber)\"\(callInBinding)\(user)}}"
    )
    if mode == .axe && scenario.stateCode != 7516 {
      let digits = scenario.stateCode == 8033 ? "" : (extensionNumber ?? "")
      out.append(
        "{\"eventType\":\"collectInfo\",\"statusInfo\":{\"sessionId\":\"\(sid)\",\"timestamp\":\"\(wire(callIn + 4000))\",\"caller\":\"\(caller)\",\"called\":\"\(privacyNumber)\",\"digitInfo\":\"\(digits)\"}}"
      )
    }
    if let forwardStart {
      out.append(leg("callout", forwardStart, binding))
    }
    if let alerting { out.append(leg("alerting", alerting, binding)) }
    if let answer { out.append(leg("answer", answer, binding)) }
    let release = mode == .x ? ",\"callRelDirection\":\(scenario.stage == .answered ? 1 : 2)" : ""
    out.append(
      "{\"eventType\":\"disconnect\",\"statusInfo\":{\"sessionId\":\"\(sid)\",\"timestamp\":\"\(wire(end))\",\"caller\":\"\(caller)\",\"called\":\"\(callee)\",\"stateCode\":\(scenario.stateCode),\"stateDesc\":\"\(stateDescription)\"\(binding)\(release)}}"
    )
  }

  private func leg(_ type: String, _ time: Int64, _ binding: String) -> String {
    "{\"eventType\":\"\(type)\",\"statusInfo\":{\"sessionId\":\"\(sessionId)\",\"timestamp\":\"\(wire(time))\",\"caller\":\"\(privacyNumber)\",\"called\":\"\(callee)\"\(binding)}}"
  }

  private var stateDescription: String {
    switch scenario.stateCode {
    case 0: return "The user releases the call."
    case 7502, 7501, 7516: return "The caller releases the call."
    case 8102: return "The callee is busy."
    case 8104: return "The callee is powered off."
    default: return "The call fails."
    }
  }

  /// The CDR as one JSON object (without a trailing newline).
  var detailRecordJSON: String {
    let failed = scenario.stage != .answered
    let forwarded = forwardStart != nil
    var fields: [String] = [
      "\"direction\":\(scenario.stage == .arrived && subscriptionId == nil ? 2 : (mode == .axe ? 0 : 1))",
      "\"spId\":\"demo_sp\"", "\"appKey\":\"demo-app-key\"", "\"icid\":\"\(icid)\"",
      "\"bindNum\":\"\(privacyNumber)\"", "\"sessionId\":\"\(sessionId)\"",
    ]
    if let subscriptionId { fields.append("\"subscriptionId\":\"\(subscriptionId)\"") }
    fields += ["\"callerNum\":\"\(caller)\"", "\"calleeNum\":\"\(privacyNumber)\""]
    if forwarded {
      fields += ["\"fwdDisplayNum\":\"\(privacyNumber)\"", "\"fwdDstNum\":\"\(callee)\""]
    }
    fields.append("\"callInTime\":\"\(wire(callIn))\"")
    if let forwardStart { fields.append("\"fwdStartTime\":\"\(wire(forwardStart))\"") }
    if let alerting { fields.append("\"fwdAlertingTime\":\"\(wire(alerting))\"") }
    if let answer { fields.append("\"fwdAnswerTime\":\"\(wire(answer))\"") }
    fields.append("\"callEndTime\":\"\(wire(end))\"")
    fields.append("\"fwdUnaswRsn\":\(scenario.q850)")
    if failed { fields.append("\"failTime\":\"\(wire(end))\"") }
    fields += [
      "\"ulFailReason\":\(scenario.releasePoint)", "\"sipStatusCode\":\(scenario.sip)", "\"callOutUnaswRsn\":0",
      "\"recordFlag\":\(recorded && answer != nil ? 1 : 0)",
    ]
    if recorded, let answer {
      fields += [
        "\"recordStartTime\":\"\(wire(answer))\"", "\"recordDomain\":\"demo-records.example.com\"",
        "\"recordBucketName\":\"demo-bucket\"", "\"recordObjectName\":\"\(icid.prefix(12)).wav\"",
      ]
    }
    fields += ["\"ttsPlayTimes\":0", "\"ttsTransDuration\":0"]
    if let subscriptionId { fields.append("\"mptyId\":\"\(subscriptionId)\"") }
    fields += ["\"serviceType\":\"\(serviceType)\"", "\"hostName\":\"\(hostName)\""]
    if mode == .axe, let extensionNumber { fields.append("\"extendNumber\":\"\(extensionNumber)\"") }
    if mode == .x { fields.append("\"callRelDirection\":\(answer != nil ? 1 : 2)") }
    if let userData { fields.append("\"userData\":\"\(userData)\"") }
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// A UTC time in the platform's wire form.
  func wire(_ milliseconds: Int64) -> String {
    DemoCall.wireTime(milliseconds)
  }

  static func wireTime(_ milliseconds: Int64) -> String {
    Timestamp(millisecondsSince1970: milliseconds).wireText
  }
}
