public import PNSDoctorCore

/// The paste page: the text, and its diagnosis once run.
public struct PasteState: Sendable {
  public var text = ""
  public var results: [InputDiagnoser.Result] = []
  public var issues: [ReadIssue] = []
  public var diagnosed = false
  public var saved = false
}
