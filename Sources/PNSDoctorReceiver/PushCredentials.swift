import Foundation

/// The app secrets a receiver checks push signatures with, read from a file of
/// `APP_KEY APP_SECRET` lines (`#` starts a comment).
///
/// The file must be readable by its owner only, as `ssh` asks of a private key: a secret
/// readable by others is a secret no more. Messages name the file and line, never a secret.
public enum PushCredentials {
  /// Why a credentials file was refused.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// The app key → app secret pairs in the file at `path`.
  public static func load(path: String) throws(Failure) -> [String: String] {
    if let problem = OwnerOnlyFile.problem(path: path, what: "the credentials") {
      throw Failure(description: problem)
    }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw Failure(description: "\(path): cannot read the credentials as UTF-8 text")
    }
    return try parse(text, name: path)
  }

  /// The pairs in `text`; `name` says where it came from in messages.
  public static func parse(_ text: String, name: String) throws(Failure) -> [String: String] {
    var secrets: [String: String] = [:]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 2 else {
        throw Failure(description: "\(name):\(index + 1): expected APP_KEY APP_SECRET, found \(fields.count) field(s)")
      }
      let key = String(fields[0])
      guard secrets[key] == nil else {
        throw Failure(description: "\(name):\(index + 1): app key \(key) is given twice")
      }
      secrets[key] = String(fields[1])
    }
    guard !secrets.isEmpty else { throw Failure(description: "\(name): no APP_KEY APP_SECRET line") }
    return secrets
  }
}
