import Foundation

/// What calls to list: filters, order and size of a page of the call list.
public struct CallQuery: Sendable, Equatable {
  /// Only calls that ended without being answered.
  public var failedOnly = false
  /// Only calls that started at or after this time.
  public var since: Timestamp?
  /// Only calls that started before this time.
  public var until: Timestamp?
  /// Only calls where this number is the caller, the callee or the privacy number, matched on
  /// the full number whatever the display masks: a whole number in any common form
  /// (`+8610000000021`, `0086 100…`, `10000000021`) matches exactly; three or more digits
  /// match every number containing them, as the TUI's filter does. See `isNumberFilter(_:)`.
  public var number: String?

  /// The fewest digits a number fragment may have: fewer match nearly every call.
  public static let shortestNumberFragment = 3

  /// Whether `text` can be a `number` filter: digits, with only the separators people type
  /// (spaces, `-`, `+`, `(`, `)`, `.`), at least `shortestNumberFragment` of them.
  public static func isNumberFilter(_ text: String) -> Bool {
    text.allSatisfy { $0.isASCII && ($0.isNumber || " -+().".contains($0)) }
      && text.filter(\.isNumber).count >= shortestNumberFragment
  }

  /// The whole number `text` names, if it names one (an international number after
  /// normalisation); otherwise it is a fragment.
  static func wholeNumber(_ text: String) -> String? {
    let normalized = PhoneNumber.normalize(text)
    return normalized.hasPrefix("+") && normalized.dropFirst().count >= 8 ? normalized : nil
  }
  /// Only calls carrying this code; see `CodeFilter`.
  public var code: CodeFilter?
  /// Only calls of this mode (`AXB` also finds calls recorded as `AXB/X`).
  public var mode: CallMode?
  /// Free text typed in the filter box: a whole session id, three or more digits of a
  /// number (full numbers match whatever the display masks), a code in any code field, or words
  /// of a cause.
  public var search: String?
  /// Codes that also match the search, in any code field: the codes whose meaning contains the
  /// searched words (so "关机" or "busy" finds calls by cause). Filled from the code tables.
  public var searchCodes: Set<Int> = []
  /// Rules whose stored finding is the call's top cause also match the search: the rules whose
  /// id or title contains the searched words. Filled from the knowledge base.
  public var searchRules: Set<String> = []
  /// Only calls whose top stored cause is one of these rules.
  public var causes: Set<String> = []
  /// The order of the list.
  public var order = Order.newest
  /// At most this many calls.
  public var limit = 50
  /// Skip this many calls first (for paging).
  public var offset = 0

  public init() {}

  /// Orders of the call list.
  public enum Order: String, Sendable, CaseIterable {
    case newest, oldest, longestRing, mode

  }

  /// A failure code to look for, in one field or in any.
  public struct CodeFilter: Sendable, Equatable {
    /// Which field the code is in.
    public enum Field: String, Sendable, CaseIterable {
      case any, state, release, q850, sip

    }

    public var field: Field
    public var code: Int

    public init(field: Field, code: Int) {
      self.field = field
      self.code = code
    }

    /// Reads `8104`, `state:8104`, `release:8059`, `q850:20` or `sip:480`.
    public init?(text: String) {
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      if parts.count == 2 {
        guard let field = Field(rawValue: parts[0].lowercased()), let code = Int(parts[1]) else { return nil }
        self.init(field: field, code: code)
      } else {
        guard let code = Int(text) else { return nil }
        self.init(field: .any, code: code)
      }
    }
  }

  /// Set by `planned(in:)`: the search matches few calls.
  var searchIsSelective = false

  /// At most this many matches make a search selective.
  static let selectiveSearchLimit = 50_000

  /// Whether only `failedOnly` narrows the list (the store's kept counts then answer).
  var isUnfiltered: Bool {
    since == nil && until == nil && number == nil && code == nil && mode == nil && causes.isEmpty
      && (search?.trimmingCharacters(in: .whitespaces).isEmpty ?? true)
  }
}
