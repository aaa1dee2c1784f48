/// Which key tables are live on each page, in the order they are asked: a page's own keys
/// first, then the shared ones. Where text is typed (the paste page, a filter, a `:` command)
/// only that page's table applies: every other key is text.
public enum KeyMap {
  /// Every table, in the order the help page lists them.
  public static let all: [KeyTable] = [.everywhere, .moving, .lists, .detail, .paste, .lineEditor]

  /// The tables that dispatch keys in `state`.
  public static func tables(for state: AppState) -> [KeyTable] {
    if state.editingFilter || state.commandLine != nil { return [.lineEditor] }
    switch state.page {
    case .list: return [.lists, .moving, .everywhere]
    case .callDetail, .smsDetail: return [.detail, .moving, .everywhere]
    case .help: return [.moving, .everywhere]
    case .paste: return [.paste]
    }
  }

  /// The command `key` runs in `state`, if any.
  public static func command(for key: Key, in state: AppState) -> Command? {
    for table in tables(for: state) {
      if let command = table.command(for: key) { return command }
    }
    return nil
  }
}
