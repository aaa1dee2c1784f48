/// The five code fields a call row keeps: for each, the wire field rules test, the `calls`
/// column, the label people see (`release=8104`), and where the value comes from in a call and
/// in its summary. Named once here for the writer, the queries, the pattern SQL and the list.
struct StoredCodeField: Sendable {
  /// The field rules name (`ulFailReason`).
  let field: CodeField
  /// The `calls` column.
  let column: String
  /// What lists and filters call it (`release`, as in `--code release:8104`).
  let label: String
  let fromCall: @Sendable (Call) -> Int?
  let fromSummary: @Sendable (CallSummary) -> Int?

  /// In the order lists show them: the most telling first.
  static let all: [StoredCodeField] = [
    StoredCodeField(
      field: .stateCode, column: "state_code", label: "state", fromCall: { $0.stateCode }, fromSummary: { $0.stateCode }),
    StoredCodeField(
      field: .ulFailReason, column: "release_point", label: "release",
      fromCall: { $0.detailRecord?.releasePoint }, fromSummary: { $0.releasePoint }),
    StoredCodeField(
      field: .fwdUnaswRsn, column: "q850_cause", label: "q850",
      fromCall: { $0.detailRecord?.forwardUnansweredReason }, fromSummary: { $0.q850Cause }),
    StoredCodeField(
      field: .callOutUnaswRsn, column: "call_out_q850_cause", label: "q850-out",
      fromCall: { $0.detailRecord?.callOutUnansweredReason }, fromSummary: { $0.callOutQ850Cause }),
    StoredCodeField(
      field: .sipStatusCode, column: "sip_status", label: "sip",
      fromCall: { $0.detailRecord?.sipStatusCode }, fromSummary: { $0.sipStatus }),
  ]

  /// The stored field for a rule's code field, if the row keeps it.
  static func stored(_ field: CodeField) -> StoredCodeField? {
    all.first { $0.field == field }
  }
}
