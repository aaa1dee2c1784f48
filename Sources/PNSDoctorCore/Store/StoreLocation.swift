/// Where the store lives when no `--store` is given.
public enum StoreLocation {
  /// `$PNSDOCTOR_STORE`, else `$XDG_DATA_HOME/pnsdoctor/store.sqlite`, else
  /// `~/.local/share/pnsdoctor/store.sqlite`.
  public static func defaultPath(environment: [String: String]) -> String {
    if let explicit = environment["PNSDOCTOR_STORE"], !explicit.isEmpty { return explicit }
    if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
      return dataHome + "/pnsdoctor/store.sqlite"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
    return home + "/.local/share/pnsdoctor/store.sqlite"
  }
}
