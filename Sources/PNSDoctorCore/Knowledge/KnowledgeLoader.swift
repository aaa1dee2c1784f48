public import Foundation
import Yams

/// Loads a knowledge base from its files, collecting every problem rather than stopping at the
/// first: at run time rules with errors are left out (and reported), while `rules lint` and the
/// tests fail on any.
public enum KnowledgeLoader {
  /// Loads from files given as paths relative to the knowledge folder and their text.
  public static func load(files: [(path: String, text: String)]) -> (KnowledgeBase, [KnowledgeIssue]) {
    let issues = IssueCollector()
    var tables: [CodeTable] = []
    var rules: [Rule] = []
    for (path, text) in files.sorted(by: { $0.path < $1.path }) where path.hasSuffix(".yaml") {
      let components = path.split(separator: "/").map(String.init)
      let stem = String(components.last?.dropLast(5) ?? "")
      if stem.hasPrefix("_") { continue }
      let root: Node
      do {
        // The basic resolver: the loader reads every scalar as text and checks it itself, so
        // Yams's implicit typing (a regular expression per scalar, also when it checks mapping
        // keys for duplicates) is work thrown away; it was half of `diagnose`'s start-up.
        guard let composed = try Yams.compose(yaml: text, .basic) else {
          issues.add(KnowledgeIssue(file: path, reason: "the file is empty"))
          continue
        }
        root = composed
      } catch {
        issues.add(Self.yamlIssue(error, file: path))
        continue
      }
      if components.count == 2 && components[0] == "codes" {
        if let table = CodeTable.load(root, file: path, expectedId: stem, issues: issues) { tables.append(table) }
      } else if components.count == 3 && components[0] == "rules" {
        if let rule = Rule.load(root, file: path, stem: stem, folder: components[1], issues: issues) {
          rules.append(rule)
        }
      } else {
        issues.add(
          KnowledgeIssue(
            .warning, file: path, reason: "not loaded: files belong in codes/<table>.yaml or rules/<category>/<id>.yaml"
          ))
      }
    }
    var seen: [String: String] = [:]
    for rule in rules {
      if let other = seen[rule.id] {
        issues.add(
          KnowledgeIssue(
            file: rule.file, reason: "rule id `\(rule.id)` is also used by \(other)", hint: "ids are unique"))
      }
      seen[rule.id] = rule.file
    }
    if tables.isEmpty && rules.isEmpty {
      issues.add(
        KnowledgeIssue(
          file: "(knowledge)", reason: "no code tables and no rules found", hint: "is this a knowledge folder?"))
    }
    return (KnowledgeBase(tables: tables, rules: rules), issues.issues)
  }

  /// Loads from a folder on disk.
  public static func load(directory: URL) -> (KnowledgeBase, [KnowledgeIssue]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      return (
        KnowledgeBase(tables: [], rules: []),
        [KnowledgeIssue(file: directory.path, reason: "no such knowledge folder")]
      )
    }
    var files: [(path: String, text: String)] = []
    var issues: [KnowledgeIssue] = []
    let root = directory.standardizedFileURL.path
    for case let file as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
      ?? .init()
    where file.pathExtension == "yaml" {
      let relative = String(file.standardizedFileURL.path.dropFirst(root.count + 1))
      guard let data = FileManager.default.contents(atPath: file.path) else {
        issues.append(KnowledgeIssue(file: relative, reason: "cannot read the file"))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        issues.append(KnowledgeIssue(file: relative, reason: "the file is not UTF-8 text"))
        continue
      }
      files.append((relative, text))
    }
    let (base, loadIssues) = load(files: files)
    return (base, issues + loadIssues)
  }

  private static func yamlIssue(_ error: any Error, file: String) -> KnowledgeIssue {
    if let yaml = error as? YamlError {
      switch yaml {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
        return KnowledgeIssue(
          file: file, line: mark.line, reason: "invalid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")",
          hint: "check indentation and quoting near line \(mark.line)")
      default:
        return KnowledgeIssue(file: file, reason: "invalid YAML: \(yaml)")
      }
    }
    return KnowledgeIssue(file: file, reason: "invalid YAML: \(error)")
  }
}
