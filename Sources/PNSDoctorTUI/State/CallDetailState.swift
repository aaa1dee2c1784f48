public import PNSDoctorCore

/// The call opened in the detail page.
public struct CallDetailState: Sendable {
  public var call: Call
  public var diagnosis: Diagnosis
  /// The stored messages, in time order, pretty-printed.
  public var rawMessages: [RawMessage]
  /// Calls with the same caller, callee or X number within an hour, nearest first.
  public var related: [RelatedCalls.Entry]

  public init(call: Call, diagnosis: Diagnosis, rawMessages: [RawMessage], related: [RelatedCalls.Entry] = []) {
    self.call = call
    self.diagnosis = diagnosis
    self.rawMessages = rawMessages
    self.related = related
  }
}
