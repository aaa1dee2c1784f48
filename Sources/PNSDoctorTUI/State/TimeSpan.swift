public import PNSDoctorCore

/// A time span the call list is limited to, with the words that chose it.
public struct TimeSpan: Sendable, Equatable {
  public var since: Timestamp?
  public var until: Timestamp?
  /// How the status line names it (`since 2h`, `2026-11-23 14:00 hour`).
  public var label: String?

  public init(since: Timestamp? = nil, until: Timestamp? = nil, label: String? = nil) {
    self.since = since
    self.until = until
    self.label = label
  }

  public var isEmpty: Bool { since == nil && until == nil }
}
