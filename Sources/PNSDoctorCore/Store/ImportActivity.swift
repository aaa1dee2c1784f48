import Foundation

/// Tells other processes that an import into a store is running, through an advisory lock on
/// a file beside the store (`STORE-import`, like SQLite's own `-wal` and `-shm`).
///
/// Commands that only read (`calls`, the TUI) bring the store's diagnoses up to date when they
/// open it, which means writing. While an import runs, that work is the importer's: it
/// diagnoses calls as it stores them and finishes the ones its later batches concern. A reader
/// doing it too would compete for the write lock and slow both down. The kernel drops the lock
/// when its process ends, however it ends, so a killed import never leaves a stale mark.
public final class ImportActivity: Sendable {
  private let descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// The lock file of the store at `storePath`.
  public static func lockPath(forStore storePath: String) -> String { storePath + "-import" }

  /// Marks an import into the store as running until the returned value is released. Imports
  /// may run side by side (the lock is shared). `nil` when the mark cannot be made (a store in
  /// memory, a folder that cannot be written): the import then runs unmarked.
  public static func begin(storePath: String) -> ImportActivity? {
    guard storePath != ":memory:" else { return nil }
    let descriptor = open(lockPath(forStore: storePath), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_SH) == 0 else {
      close(descriptor)
      return nil
    }
    return ImportActivity(descriptor: descriptor)
  }

  /// Whether an import into the store at `storePath` is running now, in any process (this one
  /// included).
  public static func isRunning(storePath: String) -> Bool {
    let descriptor = open(lockPath(forStore: storePath), O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    // Free when nobody holds it shared; taken for an instant only.
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
    flock(descriptor, LOCK_UN)
    return false
  }
}
