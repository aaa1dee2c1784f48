import Foundation

/// The loaded knowledge: code tables and rules.
///
/// ## Topics
/// - ``table(for:)``
/// - ``meaning(of:in:)``
/// - ``rules(for:)``
public struct KnowledgeBase: Sendable {
  public let tables: [CodeTable]
  public let rules: [Rule]
  private let tableByField: [CodeField: CodeTable]
  /// Rules by the kind of subject they apply to, worked out once: diagnosing asks per subject.
  private let rulesByKind: [SubjectKind: [Rule]]

  public init(tables: [CodeTable], rules: [Rule]) {
    self.tables = tables.sorted { $0.id < $1.id }
    self.rules = rules.sorted { $0.id < $1.id }
    var byField: [CodeField: CodeTable] = [:]
    for table in tables {
      for field in table.fields.compactMap(CodeField.init(rawValue:)) where byField[field] == nil {
        byField[field] = table
      }
    }
    tableByField = byField
    rulesByKind = Dictionary(grouping: self.rules, by: \.appliesTo)
  }

  /// The table that decodes a field.
  public func table(for field: CodeField) -> CodeTable? {
    tableByField[field]
  }

  /// The entry for a code of a field.
  public func meaning(of code: Int, in field: CodeField) -> CodeEntry? {
    tableByField[field]?.entry(for: code)
  }

  /// The rules about one kind of subject.
  public func rules(for kind: SubjectKind) -> [Rule] {
    rulesByKind[kind] ?? []
  }

  /// The rule with this id.
  public func rule(id: String) -> Rule? {
    rules.first { $0.id == id }
  }

  /// Typed filter text as words to look for in meanings and titles: trimmed and lowercased, or
  /// `nil` when it is a number or shorter than two characters (those are numbers and codes).
  private static func filterWords(_ text: String) -> String? {
    let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard needle.count >= 2, needle.contains(where: { !$0.isNumber }) else { return nil }
    return needle
  }

  /// The non-zero codes of the call tables whose meaning (in either language) contains `words`,
  /// ignoring case: how a filter finds calls by cause.
  public func callCodes(meaning words: String) -> Set<Int> {
    guard let needle = Self.filterWords(words) else { return [] }
    var codes = Set<Int>()
    for field in [CodeField.stateCode, .ulFailReason, .fwdUnaswRsn, .sipStatusCode] {
      guard let table = table(for: field) else { continue }
      for entry in table.entries.values where entry.code != 0 {
        if entry.meaning.english.lowercased().contains(needle) || entry.meaning.chinese.contains(needle) {
          codes.insert(entry.code)
        }
      }
    }
    return codes
  }

  /// The call rules whose id or title (in either language) contains `words`, ignoring case:
  /// how a filter finds calls by their stored cause.
  public func callRules(matching words: String) -> Set<String> {
    guard let needle = Self.filterWords(words) else { return [] }
    return Set(
      rules(for: .call).filter {
        $0.id.contains(needle) || $0.title.english.lowercased().contains(needle) || $0.title.chinese.contains(needle)
      }.map(\.id))
  }

  /// The widest neighbour window of any rule, in seconds: how far around a call the store must
  /// look for its neighbours (0 when no rule looks at neighbours).
  public var neighbourWindow: Double {
    rules.flatMap { rule in
      rule.triggers.map(\.condition) + rule.against.map(\.condition) + (rule.guardCondition.map { [$0] } ?? [])
    }
    .map(\.widestNeighbourWindow).max() ?? 0
  }
}

extension Condition {
  /// The widest neighbour window used anywhere in the condition.
  var widestNeighbourWindow: Double {
    switch self {
    case .all(let parts), .any(let parts): return parts.map(\.widestNeighbourWindow).max() ?? 0
    case .not(let inner): return inner.widestNeighbourWindow
    case .neighbours(let pattern): return pattern.window
    default: return 0
    }
  }
}
