import Foundation

/// Keeps descriptors 0, 1 and 2 taken for the whole run.
///
/// A program started with standard output or error closed (`>&-`, `2>&-`) would otherwise be
/// handed descriptor 1 or 2 by its next `open`: the store's SQLite file, say, and the report
/// meant for the terminal would then be written into the database. Each closed one is given
/// `/dev/null` opened read-only, on which every write fails (EBADF): the checked writers then
/// report "cannot write the output" and exit 74 rather than succeed in silence.
enum StandardDescriptors {
  static func reserve() {
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", O_RDONLY | O_CLOEXEC)
      guard opened >= 0 else { continue }
      if opened != descriptor {
        // Not the lowest free number (an earlier one was also closed and is handled in turn).
        _ = dup2(opened, descriptor)
        close(opened)
      }
      // Kept across exec like any standard descriptor.
      _ = fcntl(descriptor, F_SETFD, 0)
    }
  }
}
