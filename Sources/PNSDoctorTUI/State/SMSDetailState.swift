public import PNSDoctorCore

/// The SMS notification opened in the detail page.
public struct SMSDetailState: Sendable {
  public var notification: SMSNotification
  public var diagnosis: Diagnosis
  public var rawMessage: String
}
