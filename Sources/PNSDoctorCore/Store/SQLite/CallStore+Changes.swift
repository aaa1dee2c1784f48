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
}
