/// What became of a store's file since it was opened, as a browser that keeps it open asks
/// (a connection reads the file it opened, whatever has since happened at its path).
public enum StoreFileState: Sendable, Equatable {
  /// The file at the path is the one opened, at the schema it was opened with.
  case unchanged
  /// Nothing is at the path any more: what is read is the deleted file's last state.
  case deleted
  /// Another file is at the path (moved or copied over it, or made again by an import).
  case replaced
  /// A newer pnsdoctor changed the file's schema: this one can no longer read it safely.
  case migrated
}
