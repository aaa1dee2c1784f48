import PNSDoctorCore

/// The call list as JSON for scripts: full numbers unless masked, UTC ISO times.
enum CallJSON {
  private struct Entry: Encodable {
    var sessionId: String
    var mode: String
    var serviceType: String?
    var startTime: String?
    var endTime: String?
    var caller: String?
    var callee: String?
    var privacyNumber: String?
    var outcome: String
    var stateCode: Int?
    var releasePoint: Int?
    var q850Cause: Int?
    var callOutQ850Cause: Int?
    var sipStatus: Int?
    var ringSeconds: Double?
    var talkSeconds: Double?
    var eventCount: Int
    var hasCDR: Bool
    var cdrDeliveries: Int
    var verdict: String?
    var cause: String?
    var causeConfidence: Double?
    var findings: [Finding]?
  }

  private struct Finding: Encodable {
    var rule: String
    var revision: Int
    var confidence: Double
  }

  static func encode(_ calls: [CallSummary], masked: Bool) -> String {
    func number(_ text: String?) -> String? { masked ? text.map(PhoneNumber.mask) : text }
    // A code field that holds a phone number holds no code: masked, it is left out (null), so
    // that the field keeps its type for scripts.
    func code(_ value: Int?) -> Int? {
      guard masked, let value else { return value }
      return PhoneNumber.maskAll(in: String(value)) == String(value) ? value : nil
    }
    func iso(_ time: Timestamp?) -> String? {
      JSONText.isoTime(time)
    }
    let entries = calls.map { call in
      Entry(
        sessionId: masked ? PhoneNumber.maskAll(in: call.sessionId) : call.sessionId, mode: call.mode.rawValue,
        serviceType: call.serviceType,
        startTime: iso(call.startTime), endTime: iso(call.endTime), caller: number(call.caller),
        callee: number(call.callee), privacyNumber: number(call.privacyNumber), outcome: call.outcome.rawValue,
        stateCode: code(call.stateCode), releasePoint: code(call.releasePoint), q850Cause: code(call.q850Cause),
        callOutQ850Cause: code(call.callOutQ850Cause), sipStatus: code(call.sipStatus), ringSeconds: call.ringSeconds,
        talkSeconds: call.talkSeconds, eventCount: call.eventCount, hasCDR: call.hasDetailRecord,
        cdrDeliveries: call.detailRecordDeliveries, verdict: call.diagnosis?.verdict.rawValue,
        cause: call.diagnosis?.cause?.ruleId, causeConfidence: call.diagnosis?.cause?.confidence,
        findings: call.diagnosis?.findings.map {
          Finding(rule: $0.ruleId, revision: $0.revision, confidence: $0.confidence)
        })
    }
    return JSONText.encode(entries)
  }
}
