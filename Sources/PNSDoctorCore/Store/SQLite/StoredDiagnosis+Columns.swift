import GRDB

/// What the `verdict, cause_rule, cause_confidence, findings, diagnosis_state` columns hold.
extension StoredDiagnosis {
  /// Reads the columns back; `nil` when the row has not been diagnosed.
  init?(row: Row) {
    guard let state = (row["diagnosis_state"] as Int?).flatMap(DiagnosisState.init(rawValue:)), state != .pending,
      let verdictText = row["verdict"] as String?,
      let verdict = Verdict(rawValue: verdictText)
    else { return nil }
    self.verdict = verdict
    findings = Self.entries(from: row["findings"] ?? "")
    dependsOnNeighbours = state == .dependsOnNeighbours
  }

  /// The values of `verdict, cause_rule, cause_confidence, findings, diagnosis_state`.
  var columnValues: [(any DatabaseValueConvertible)?] {
    [verdict.rawValue, cause?.ruleId, cause?.confidence, findingsText, state.rawValue]
  }

  /// The column values of a row not diagnosed (no knowledge base was given).
  static var undiagnosedValues: [(any DatabaseValueConvertible)?] {
    [nil, nil, nil, nil, DiagnosisState.pending.rawValue]
  }
}
