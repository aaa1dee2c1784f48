/// The columns of `calls` the writer sets, in the order `CallWriter` gives their values: named
/// once here, for both its insert and its update.
enum CallColumns {
  static let written = [
    "session_hash", "mode", "service_type", "start_ms", "end_ms", "caller", "callee", "privacy_number", "outcome",
    "failed",
  ] + StoredCodeField.all.map(\.column) + [
    "ring_ms", "talk_ms", "event_count", "has_cdr", "cdr_deliveries", "versions",
  ] + diagnosis

  /// The kept diagnosis, in the order of `StoredDiagnosis.columnValues`.
  static let diagnosis = ["verdict", "cause_rule", "cause_confidence", "findings", "diagnosis_state"]
}
