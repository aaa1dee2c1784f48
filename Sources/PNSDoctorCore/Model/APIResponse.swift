/// A response of the platform's REST API (`{"resultcode":"1012007","resultdesc":"…"}`), as an
/// engineer finds it in the logs of a failed bind, unbind or query.
public struct APIResponse: Sendable, Equatable {
  /// The result code, as text (`"0"` is success).
  public var resultCode: String
  public var resultDescription: String?
  /// Other members (for instance `subscriptionId` of a successful bind).
  public var otherFields: [JSONObject.Member]

  public init(resultCode: String, resultDescription: String? = nil, otherFields: [JSONObject.Member] = []) {
    self.resultCode = resultCode
    self.resultDescription = resultDescription
    self.otherFields = otherFields
  }

  /// Whether the call succeeded.
  public var isSuccess: Bool { resultCode == "0" || resultCode == "000000" }
}
