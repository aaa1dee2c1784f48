/// The privacy-number mode a call went through.
public enum CallMode: String, Sendable, CaseIterable, CustomStringConvertible {
  case ax = "AX"
  case axb = "AXB"
  case axe = "AXE"
  case axyb = "AXYB"
  case x = "X"
  /// Service type 004 covers both AXB and X, and nothing else told them apart.
  case axbOrX = "AXB/X"
  /// No service type and no telling event: the mode cannot be known.
  case unknown = "?"

  public var description: String { rawValue }

  /// The mode a CDR `serviceType` names (003 AX, 004 AXB or X, 005 AXE, 007 AXYB).
  public init(serviceType: String) {
    switch serviceType {
    case "003": self = .ax
    case "004": self = .axbOrX
    case "005": self = .axe
    case "007": self = .axyb
    default: self = .unknown
    }
  }

  /// Reads a mode as a person types it (`axb`, `AXB/X`).
  public init?(userInput: String) {
    let upper = userInput.uppercased()
    guard let mode = CallMode.allCases.first(where: { $0.rawValue == upper }) else { return nil }
    self = mode
  }

  /// Whether a call recorded in this mode may be a call of `asked` (an `AXB/X` call may be
  /// either).
  public func mayBe(_ asked: CallMode) -> Bool {
    if self == asked { return true }
    if self == .axbOrX { return asked == .axb || asked == .x }
    if asked == .axbOrX { return self == .axb || self == .x }
    return false
  }
}

/// How a call ended, as far as its messages tell.
public enum CallOutcome: String, Sendable, CaseIterable, CustomStringConvertible {
  /// The callee answered.
  case answered
  /// The call ended without being answered.
  case failed
  /// Only some events are known and none says the call has ended.
  case inProgress = "in-progress"

  public var description: String { rawValue }
}
