import GRDB

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

  init(row: Row) {
    id = row["id"]
    smsIdentifier = row["sms_identifier"]
    mode = (row["mode"] as String?).map(SMSNotificationMode.init(wireName:))
    calling = row["calling"]
    called = row["called"]
    virtualNumber = row["virtual_number"]
    time = (row["time_ms"] as Int64?).map(Timestamp.init(millisecondsSince1970:))
    sendResult = row["send_result"]
    deliveries = row["deliveries"]
  }
}
