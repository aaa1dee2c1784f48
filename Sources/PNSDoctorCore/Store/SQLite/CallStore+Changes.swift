import Foundation

extension CallStore {
  /// The sizes and modification times of the store file and its write-ahead log, combined: a
  /// commit appends to the log (or, after a checkpoint, rewrites the file), so any commit by
  /// any process changes it. Asked of the file system, not of SQLite: no connection, lock or
  /// read transaction is involved, and a reader's own pooled connections (whose
  /// `PRAGMA data_version` each count separately) do not matter.
  public func changeToken() -> Int {
    var hasher = Hasher()
    for file in [path, path + "-wal"] {
      var info = stat()
      guard stat(file, &info) == 0 else {
        hasher.combine(-1)
        continue
      }
      hasher.combine(info.st_size)
      hasher.combine(info.st_mtim.tv_sec)
      hasher.combine(info.st_mtim.tv_nsec)
      hasher.combine(info.st_ino)
    }
    return hasher.finalize()
  }

  /// What became of the file since it was opened: deleted, replaced by another (its device
  /// and inode differ), or migrated by a newer pnsdoctor; cheap enough to ask every second.
  public func fileState() -> StoreFileState {
    guard let openedFile else { return .unchanged }
    guard let now = Self.fileIdentity(path) else { return .deleted }
    if now != openedFile { return .replaced }
    let superseded = try? writer.read { db in try StoreMigrations.migrator.hasBeenSuperseded(db) }
    return superseded == true ? .migrated : .unchanged
  }

  /// The device and inode of the file at `path`, if there is one.
  static func fileIdentity(_ path: String) -> (device: UInt64, inode: UInt64)? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (UInt64(info.st_dev), UInt64(info.st_ino))
  }
}
