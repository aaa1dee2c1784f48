/// One of the platform's code tables: hang-up causes, release points, Q.850 causes, SIP
/// statuses, SMS send results or API result codes.
public struct CodeTable: Sendable, Equatable {
  /// The table id, also its file name (`release-point`).
  public var id: String
  /// A short name people type for it (`sip`, `q850`, `state`), the same as the field names of
  /// a code filter such as `sip:480`.
  public var shortName: String?
  public var title: LocalizedText
  /// The wire fields this table decodes (`ulFailReason`).
  public var fields: [String]
  /// Where the facts come from.
  public var source: String
  /// The entries, by code.
  public var entries: [Int: CodeEntry]
  /// Entries that cover a span of codes (`400...699` for raw SIP codes in the release point).
  public var ranges: [CodeRange]

  /// Whether `name` names this table: its id or its short name, in any case.
  public func isNamed(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered == id || lowered == shortName
  }

  /// The entry for `code`: its own, else the first range that covers it.
  public func entry(for code: Int) -> CodeEntry? {
    entries[code] ?? ranges.first { $0.codes.contains(code) }?.entry
  }
}

/// What one code means.
public struct CodeEntry: Sendable, Equatable {
  public var code: Int
  public var category: CodeCategory
  public var side: FaultSide?
  public var status: FactStatus
  public var meaning: LocalizedText
  public var note: LocalizedText?
  /// API table only: the HTTP status the response comes with.
  public var httpStatus: Int?
}

/// An entry that stands for every code in a span.
public struct CodeRange: Sendable, Equatable {
  public var codes: ClosedRange<Int>
  public var entry: CodeEntry
}

/// What kind of thing a code says went wrong.
public enum CodeCategory: String, Sendable, CaseIterable, Codable {
  case normal, caller, callee, binding, tenant, control, platform, network, carrier
}

/// Who is at fault.
public enum FaultSide: String, Sendable, CaseIterable, Codable {
  case caller, callee, customer, platform, carrier
}

/// How sure a fact is, as the reference marks it.
public enum FactStatus: String, Sendable, CaseIterable, Codable {
  /// Seen in the platform's documents.
  case verified
  /// Seen in a fragment of a document; the whole row was not seen.
  case fragment
  /// From a public standard (Q.850, the SIP RFCs), not a platform document.
  case standard
  /// Deduced: a hypothesis.
  case inferred
}
