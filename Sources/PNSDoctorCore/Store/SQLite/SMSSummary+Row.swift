import GRDB

extension SMSSummary {
  /// A row of `sms`.
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
