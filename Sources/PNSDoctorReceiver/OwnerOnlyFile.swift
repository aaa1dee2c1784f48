import Foundation

/// A secret kept in a file (app secrets, a TLS private key) must be readable by its owner
/// only, as `ssh` asks of a private key: a secret readable by others is a secret no more.
public enum OwnerOnlyFile {
  /// Why the file at `path` cannot hold a secret (it cannot be read, or others may read it),
  /// or nil when it can; `what` names it in the message ("the credentials").
  public static func problem(path: String, what: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0 else {
      return "\(path): cannot read \(what): \(String(cString: strerror(errno)))"
    }
    if status.st_mode & 0o077 != 0 {
      return "\(path): readable by others (mode \(String(status.st_mode & 0o777, radix: 8))): chmod 600 it first"
    }
    return nil
  }
}
