import Foundation
import GRDB

extension CallSummary {
  /// A row of `calls`; its session id (kept in the bundle) is filled in by `CallReader`.
  init(row: Row) {
    rowId = row["id"]
    // The id is in the call's bundle; `CallReader.summaries` fills it in.
    sessionId = ""
    mode = CallMode(rawValue: row["mode"] ?? "?") ?? .unknown
    serviceType = row["service_type"]
    startTime = (row["start_ms"] as Int64?).map(Timestamp.init(millisecondsSince1970:))
    endTime = (row["end_ms"] as Int64?).map(Timestamp.init(millisecondsSince1970:))
    caller = row["caller"]
    callee = row["callee"]
    privacyNumber = row["privacy_number"]
    outcome = CallOutcome(rawValue: row["outcome"] ?? "") ?? .inProgress
    stateCode = row["state_code"]
    releasePoint = row["release_point"]
    q850Cause = row["q850_cause"]
    callOutQ850Cause = row["call_out_q850_cause"]
    sipStatus = row["sip_status"]
    ringSeconds = (row["ring_ms"] as Int64?).map { Double($0) / 1000 }
    talkSeconds = (row["talk_ms"] as Int64?).map { Double($0) / 1000 }
    eventCount = row["event_count"]
    hasDetailRecord = row["has_cdr"]
    detailRecordDeliveries = row["cdr_deliveries"]
    extraVersions = row["versions"] ?? 0
    diagnosis = StoredDiagnosis(row: row)
  }
}
