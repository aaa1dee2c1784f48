public import PNSDoctorCore

/// The call opened in the detail page.
public struct CallDetailState: Sendable {
  public var call: Call
  public var diagnosis: Diagnosis
  /// The stored JSON of each message, pretty-printed.
  public var rawMessages: [String]
}
