public import PNSDoctorCore

/// One binding of a key table: the keys, the command they run, how help names the keys, and
/// what it does.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var command: Command
  public var label: String
  public var help: LocalizedText
  /// A word or two for the hint line; `nil` keeps the binding out of it.
  public var hint: LocalizedText?
  /// The screens whose hint line offers it; `nil` for every screen its table is live on.
  public var hintedOn: Set<AppState.Tab>?

  public init(
    _ keys: [Key], _ command: Command, label: String, help: LocalizedText, hint: LocalizedText? = nil,
    hintedOn: Set<AppState.Tab>? = nil
  ) {
    self.keys = keys
    self.command = command
    self.label = label
    self.help = help
    self.hint = hint
    self.hintedOn = hintedOn
  }
}
