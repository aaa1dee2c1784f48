/// Checks a whole knowledge base beyond what loading checks: every rule carries triggering and
/// non-triggering examples with distinct names, codes named by rules exist in their tables, and
/// every non-zero code of every table is reached by some rule.
public enum KnowledgeLinter {
  /// Coverage of one table by the rules.
  public struct Coverage: Sendable, Equatable {
    public var table: String
    public var codes: Int
    public var reached: Int
    public var unreached: [Int]
  }

  /// Every problem of the base as a whole; errors fail `rules lint`, warnings do not.
  public static func lint(_ knowledge: KnowledgeBase) -> [KnowledgeIssue] {
    var issues: [KnowledgeIssue] = []
    for rule in knowledge.rules {
      if rule.examples.triggering.isEmpty && rule.isFallback {
        // A fallback speaks only where no specific rule of its side does: once every code of
        // its category has a rule, no record triggers it alone. It stays as the net for codes
        // a table gains later, which is worth knowing but no error.
        issues.append(
          KnowledgeIssue(
            .warning, file: rule.file, keyPath: "examples.triggering",
            reason: "no triggering example: every code of its category has a more specific rule",
            hint: "nothing to do until a table gains a code no specific rule covers"))
      } else if rule.examples.triggering.isEmpty {
        issues.append(
          KnowledgeIssue(
            file: rule.file, keyPath: "examples.triggering", reason: "no triggering example",
            hint: "add one record that must trigger the rule"))
      }
      if rule.examples.nonTriggering.isEmpty {
        issues.append(
          KnowledgeIssue(
            file: rule.file, keyPath: "examples.nonTriggering", reason: "no non-triggering example",
            hint: "add one close record that must not trigger it"))
      }
      var names = Set<String>()
      for example in rule.examples.triggering + rule.examples.nonTriggering where !names.insert(example.name).inserted {
        issues.append(
          KnowledgeIssue(
            file: rule.file, line: example.line, keyPath: "examples", reason: "two examples are named `\(example.name)`"
          ))
      }
      for (field, codes) in namedCodes(in: rule) {
        guard let table = knowledge.table(for: field) else { continue }
        for code in codes.sorted() where table.entry(for: code) == nil {
          issues.append(
            KnowledgeIssue(
              .warning, file: rule.file, reason: "\(field.rawValue) \(code) is not in the table \(table.id)",
              hint: "add it to codes/\(table.id).yaml or fix the code"))
        }
      }
    }
    for coverage in coverage(of: knowledge) where !coverage.unreached.isEmpty {
      let list = coverage.unreached.prefix(30).map(String.init).joined(separator: ", ")
      issues.append(
        KnowledgeIssue(
          file: "codes/\(coverage.table).yaml",
          reason:
            "\(coverage.unreached.count) code(s) reached by no rule: \(list)\(coverage.unreached.count > 30 ? ", …" : "")",
          hint: "add them to a rule's `code: {in: ...}`, or give them a category a generic rule covers"))
    }
    return issues
  }

  /// How many non-zero codes of each table some rule reaches (ranges count as one code each,
  /// keyed by their lower bound).
  public static func coverage(of knowledge: KnowledgeBase) -> [Coverage] {
    var matchers: [CodeField: [CodeMatch]] = [:]
    // A code is reached when a trigger of some rule can fire on it: codes under `not`, in
    // counter-evidence or about neighbouring calls do not count.
    for rule in knowledge.rules {
      for trigger in rule.triggers {
        trigger.condition.visitCodes(includingIndirect: false) { field, match in
          matchers[field, default: []].append(match)
        }
      }
    }
    return knowledge.tables.map { table in
      let fields = table.fields.compactMap(CodeField.init(rawValue:))
      let matches = fields.flatMap { matchers[$0] ?? [] }
      var unreached: [Int] = []
      var total = 0
      for entry in table.entries.values where entry.code != 0 {
        total += 1
        let reached = matches.contains { match in
          switch match {
          case .codes(let codes): return codes.contains(entry.code)
          case .range(let range): return range.contains(entry.code)
          case .category(let category): return category == entry.category
          }
        }
        if !reached { unreached.append(entry.code) }
      }
      for range in table.ranges {
        total += 1
        let reached = matches.contains { match in
          switch match {
          case .codes: return false
          case .range(let covered): return covered.overlaps(range.codes)
          case .category(let category): return category == range.entry.category
          }
        }
        if !reached { unreached.append(range.codes.lowerBound) }
      }
      return Coverage(table: table.id, codes: total, reached: total - unreached.count, unreached: unreached.sorted())
    }
  }

  private static func namedCodes(in rule: Rule) -> [CodeField: Set<Int>] {
    var named: [CodeField: Set<Int>] = [:]
    for condition in rule.conditions {
      condition.visitCodes { field, match in
        if case .codes(let codes) = match { named[field, default: []].formUnion(codes) }
      }
    }
    return named
  }
}

extension Rule {
  /// Every condition of the rule: guard, triggers and counter-evidence.
  var conditions: [Condition] {
    (guardCondition.map { [$0] } ?? []) + triggers.map(\.condition) + against.map(\.condition)
  }
}

extension Condition {
  /// Calls `visit` for every code test inside the condition; with `includingIndirect`, also
  /// those under `not` and in neighbour patterns.
  func visitCodes(includingIndirect: Bool = true, _ visit: (CodeField, CodeMatch) -> Void) {
    switch self {
    case .all(let parts), .any(let parts): parts.forEach { $0.visitCodes(includingIndirect: includingIndirect, visit) }
    case .not(let inner): if includingIndirect { inner.visitCodes(visit) }
    case .code(let field, let match): visit(field, match)
    case .neighbours(let pattern): if includingIndirect { pattern.match?.visitCodes(visit) }
    default: break
    }
  }
}
