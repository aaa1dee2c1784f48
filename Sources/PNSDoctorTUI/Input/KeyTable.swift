public import PNSDoctorCore

/// The keys of one page or one part of the screen, under a title for the help page. The tables
/// dispatch keys and generate the help page and the hint line, so the three cannot drift apart.
public struct KeyTable: Sendable {
  /// The help page's heading for these keys.
  public var title: LocalizedText
  public var bindings: [KeyBinding]

  /// The command `key` runs in this table.
  public func command(for key: Key) -> Command? {
    bindings.first { $0.keys.contains(key) }?.command
  }
}
