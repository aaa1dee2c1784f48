import Yams

/// Collects the problems found while reading knowledge files.
final class IssueCollector {
  private(set) var issues: [KnowledgeIssue] = []

  func add(_ issue: KnowledgeIssue) {
    issues.append(issue)
  }

  var hasErrors: Bool { issues.contains { $0.severity == .error } }

  var errorCount: Int { issues.filter { $0.severity == .error }.count }
}

/// Reads one YAML mapping of a knowledge file, reporting unknown keys, missing keys and wrong
/// types with their line, key path and a hint, instead of stopping at the first problem.
struct YAMLMapping {
  let pairs: [(key: String, value: Node)]
  let path: String
  let file: String
  let line: Int
  let issues: IssueCollector

  /// Reads `node` as a mapping; reports a problem and returns `nil` when it is not one.
  init?(_ node: Node, path: String, file: String, issues: IssueCollector) {
    guard let mapping = node.mapping else {
      issues.add(
        KnowledgeIssue(
          file: file, line: node.mark?.line ?? 0, keyPath: path, reason: "expected a mapping of keys to values",
          hint: "write `key: value` lines"))
      return nil
    }
    pairs = mapping.map { (key: $0.key.string ?? "", value: $0.value) }
    self.path = path
    self.file = file
    self.line = node.mark?.line ?? 0
    self.issues = issues
  }

  /// Reports keys outside `allowed` (with the closest allowed key as a hint) and missing
  /// `required` keys.
  func check(allowed: [String], required: [String]) {
    for pair in pairs where !allowed.contains(pair.key) {
      let closest = allowed.min { Self.distance($0, pair.key) < Self.distance($1, pair.key) }
      let hint = closest.map {
        Self.distance($0, pair.key) <= 3 ? "did you mean `\($0)`?" : "allowed keys: \(allowed.joined(separator: ", "))"
      }
      report(at: pair.value, key: pair.key, "unknown key `\(pair.key)`", hint: hint)
    }
    for key in required where !pairs.contains(where: { $0.key == key }) {
      issues.add(
        KnowledgeIssue(file: file, line: line, keyPath: join(key), reason: "required key `\(key)` is missing"))
    }
    var seen = Set<String>()
    for pair in pairs where !seen.insert(pair.key).inserted {
      report(at: pair.value, key: pair.key, "key `\(pair.key)` appears twice", hint: "keep one")
    }
  }

  func node(_ key: String) -> Node? {
    pairs.last { $0.key == key }?.value
  }

  func join(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  func report(at node: Node?, key: String, _ reason: String, hint: String? = nil) {
    issues.add(
      KnowledgeIssue(file: file, line: node?.mark?.line ?? line, keyPath: join(key), reason: reason, hint: hint))
  }

  func string(_ key: String) -> String? {
    guard let value = node(key) else { return nil }
    guard let text = value.scalar?.string else {
      report(at: value, key: key, "expected a text value")
      return nil
    }
    return text
  }

  func integer(_ key: String) -> Int? {
    guard let text = string(key) else { return nil }
    guard let number = Int(text) else {
      report(at: node(key), key: key, "expected a whole number, found `\(text)`")
      return nil
    }
    return number
  }

  func number(_ key: String, in range: ClosedRange<Double>) -> Double? {
    guard let text = string(key) else { return nil }
    guard let number = Double(text), range.contains(number) else {
      report(
        at: node(key), key: key, "expected a number from \(range.lowerBound) to \(range.upperBound), found `\(text)`")
      return nil
    }
    return number
  }

  func boolean(_ key: String) -> Bool? {
    guard let text = string(key) else { return nil }
    switch text.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      report(at: node(key), key: key, "expected true or false, found `\(text)`")
      return nil
    }
  }

  /// A value that must be one of an enumeration's raw values.
  func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T? where T.RawValue == String {
    guard let text = string(key) else { return nil }
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      report(at: node(key), key: key, "`\(text)` is not one of: \(allowed)")
      return nil
    }
    return value
  }

  /// `{en: ..., zh: ...}`, both required.
  func localized(_ key: String) -> LocalizedText? {
    guard let value = node(key) else { return nil }
    return Self.localized(value, path: join(key), file: file, issues: issues)
  }

  static func localized(_ node: Node, path: String, file: String, issues: IssueCollector) -> LocalizedText? {
    YAMLMapping(node, path: path, file: file, issues: issues)?.localizedText()
  }

  /// This mapping as `{en: ..., zh: ...}`, both required, with `extraKeys` allowed beside them
  /// (a next step's `if`).
  func localizedText(allowing extraKeys: [String] = []) -> LocalizedText? {
    check(allowed: ["en", "zh"] + extraKeys, required: ["en", "zh"])
    guard let english = string("en"), let chinese = string("zh") else { return nil }
    if english.isEmpty || chinese.isEmpty {
      issues.add(KnowledgeIssue(file: file, line: line, keyPath: path, reason: "empty text"))
    }
    return LocalizedText(english: english, chinese: chinese)
  }

  /// A list; reports a problem when the value is not one.
  func list(_ key: String) -> [Node]? {
    guard let value = node(key) else { return nil }
    guard let sequence = value.sequence else {
      report(at: value, key: key, "expected a list")
      return nil
    }
    return Array(sequence)
  }

  /// Levenshtein distance, for "did you mean" hints.
  static func distance(_ a: String, _ b: String) -> Int {
    let left = Array(a.lowercased())
    let right = Array(b.lowercased())
    var previous = Array(0...right.count)
    for (i, l) in left.enumerated() {
      var current = [i + 1]
      for (j, r) in right.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (l == r ? 0 : 1)))
      }
      previous = current
    }
    return previous[right.count]
  }
}
