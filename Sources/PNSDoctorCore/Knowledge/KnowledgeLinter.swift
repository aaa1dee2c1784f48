/// Checks a whole knowledge base beyond what loading checks: every rule carries triggering and
/// non-triggering examples with distinct names, and codes named by rules exist in their tables.
/// Whether the rules explain every code is `KnowledgeCoverage`'s to say: it runs the engine.
public enum KnowledgeLinter {
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
    return issues
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
