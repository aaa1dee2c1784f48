/// What SMS notifications to list.
public struct SMSQuery: Sendable, Equatable {
  /// Only notifications whose result is not 0 (success).
  public var failedOnly = false
  /// Part of a number or of the SMS identifier, or a send result.
  public var search: String?
  public var limit = 50
  public var offset = 0

  public init() {}

}
