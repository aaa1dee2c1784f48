/// One row of the call list: what a call was and how it ended, without its messages.
public struct CallSummary: Sendable, Equatable {
  /// The call's row in the store: what opens this call (a session id may name several).
  public var rowId: Int64
  public var sessionId: String
  public var mode: CallMode
  public var serviceType: String?
  public var startTime: Timestamp?
  public var endTime: Timestamp?
  public var caller: String?
  public var callee: String?
  public var privacyNumber: String?
  public var outcome: CallOutcome
  /// Hang-up cause (`stateCode` of the disconnect event).
  public var stateCode: Int?
  /// Release point (`ulFailReason` of the CDR).
  public var releasePoint: Int?
  /// Q.850 cause of the forwarded leg (`fwdUnaswRsn`).
  public var q850Cause: Int?
  /// Q.850 cause of the first leg (`callOutUnaswRsn`).
  public var callOutQ850Cause: Int?
  public var sipStatus: Int?
  public var ringSeconds: Double?
  public var talkSeconds: Double?
  public var eventCount: Int
  public var hasDetailRecord: Bool
  /// How many times the CDR was delivered (re-pushes included).
  public var detailRecordDeliveries: Int
  /// Messages kept beside another under the same natural key with other content.
  public var extraVersions: Int
  /// The verdict and top findings kept in the store; `nil` until the call is diagnosed.
  public var diagnosis: StoredDiagnosis?


  /// The failure codes worth showing, most telling first, as `label=code` pairs; zeros (which
  /// mean "none") are left out.
  public var failureCodes: [(label: String, code: Int)] {
    StoredCodeField.all.compactMap { stored in
      guard let code = stored.fromSummary(self), code != 0 else { return nil }
      return (stored.label, code)
    }
  }
}
