/// A problem in a knowledge file: which file, where, which key, why, and how to fix it.
public struct KnowledgeIssue: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var severity: Severity
  /// The file, relative to the knowledge folder (`rules/callee/callee-powered-off.yaml`).
  public var file: String
  /// 1-based line, 0 when the problem is the whole file or the whole base.
  public var line: Int
  /// The key path inside the file (`triggers[0].if.code.field`), empty when not about a key.
  public var keyPath: String
  public var reason: String
  /// What to do about it.
  public var hint: String?

  public init(
    _ severity: Severity = .error, file: String, line: Int = 0, keyPath: String = "", reason: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.keyPath = keyPath
    self.reason = reason
    self.hint = hint
  }

  /// `file:line: error: key: reason (hint)`.
  public var description: String {
    var text = line > 0 ? "\(file):\(line): " : "\(file): "
    text += "\(severity.rawValue): "
    if !keyPath.isEmpty { text += "\(keyPath): " }
    text += reason
    if let hint { text += " (hint: \(hint))" }
    return text
  }
}
