/// One row of the SMS list.
public struct SMSSummary: Sendable, Equatable {
  /// The store's row id, to open the notification.
  public var id: Int64
  public var smsIdentifier: String
  public var mode: SMSNotificationMode?
  public var calling: String?
  public var called: String?
  public var virtualNumber: String?
  public var time: Timestamp?
  public var sendResult: Int?
  public var deliveries: Int

}
