/// Whether the rules explain every code of every table the way a user would see it: for each
/// non-zero code (and each range, by its lower bound), synthetic messages carrying it in its
/// field are read by the same reader and diagnosed by the same engine `diagnose` uses. A code is
/// explained when some cause finding's evidence decodes it; one that leaves `diagnose` saying
/// "No rule explains this yet" is a lint error.
///
/// It runs the engine, so it belongs with the services rather than with the knowledge linter,
/// which only reads the rules.
public struct KnowledgeCoverage: Sendable {
  /// How one table fares.
  public struct Table: Sendable, Equatable {
    public var table: String
    /// Non-zero codes, ranges counted once each.
    public var codes: Int
    /// Codes a finding explains.
    public var explained: Int
    /// Of those, codes only a generic (`fallback`) rule explains.
    public var onlyByFallback: [Int]
    /// Codes no finding explains, sorted.
    public var unexplained: [Int]
  }

  private let knowledge: KnowledgeBase
  private let engine: DiagnosisEngine

  public init(knowledge: KnowledgeBase) {
    self.knowledge = knowledge
    engine = DiagnosisEngine(knowledge: knowledge)
  }

  /// Every table's figures, in the base's table order.
  public func tables() -> [Table] {
    knowledge.tables.map(probe)
  }

  /// A lint error for every table of `tables` with an unexplained code.
  public static func issues(_ tables: [Table]) -> [KnowledgeIssue] {
    tables.filter { !$0.unexplained.isEmpty }.map { table in
      let list = table.unexplained.prefix(30).map(String.init).joined(separator: ", ")
      let more = table.unexplained.count > 30 ? ", …" : ""
      return KnowledgeIssue(
        file: "codes/\(table.table).yaml",
        reason: "\(table.unexplained.count) code(s) no finding explains (diagnose says no rule explains it): \(list)\(more)",
        hint: "add them to a rule's `code: {in: ...}`, or give them a category a rule of that field covers")
    }
  }

  private func probe(_ table: CodeTable) -> Table {
    let fields = table.fields.compactMap(CodeField.init(rawValue:))
    let codes = table.entries.keys.filter { $0 != 0 } + table.ranges.map(\.codes.lowerBound)
    var result = Table(table: table.id, codes: codes.count, explained: 0, onlyByFallback: [], unexplained: [])
    for code in codes.sorted() {
      // A table may decode several fields: the code is explained when it is in any of them.
      let outcomes = fields.map { explanation(of: code, in: $0) }
      if outcomes.contains(.specific) {
        result.explained += 1
      } else if outcomes.contains(.fallback) {
        result.explained += 1
        result.onlyByFallback.append(code)
      } else {
        result.unexplained.append(code)
      }
    }
    return result
  }

  private enum Explanation: Equatable {
    case none, fallback, specific
  }

  private func explanation(of code: Int, in field: CodeField) -> Explanation {
    var best = Explanation.none
    for text in Self.messages(carrying: code, in: field) {
      var reader = InputReader(source: InMemoryByteSource(name: "coverage \(field.rawValue) \(code)", text: text))
      let messages = reader.readAll().records.map(\.message)
      for subject in DiagnosisSubject.subjects(from: messages) {
        for finding in engine.diagnose(subject).findings
        where finding.evidence.contains(where: { $0.field == field.rawValue && $0.value == String(code) }) {
          guard let rule = knowledge.rule(id: finding.ruleId), rule.isFallback else { return .specific }
          best = .fallback
        }
      }
    }
    return best
  }

  /// The messages a code is tried in: every shape and mode a push carrying that field comes
  /// in, so that a rule guarded by a mode or by ringing still counts.
  static func messages(carrying code: Int, in field: CodeField) -> [String] {
    switch field {
    case .stateCode:
      let event =
        #"{"eventType":"disconnect","statusInfo":{"sessionId":"cov-1","timestamp":"2024-05-13 05:25:41","caller":"+8610000000001","called":"+8610100000002","stateCode":\#(code)}}"#
      // An event alone, then beside a CDR that names the mode and carries no code of its own.
      return [event]
        + serviceTypes.map { type in
          "[\(event),\(detailRecord(ringing: false, serviceType: type, codes: [:]))]"
        }
    case .ulFailReason, .fwdUnaswRsn, .callOutUnaswRsn, .sipStatusCode:
      return [false, true].flatMap { ringing in
        serviceTypes.map { detailRecord(ringing: ringing, serviceType: $0, codes: [field: code]) }
      }
    case .sendResult:
      return ["Notify", "Block"].map { mode in
        #"{"appKey":"****","smsEvent":{"smsIdentifier":"cov-1","notificationMode":"\#(mode)","calling":"+8610000000001","virtualNumber":"+8612000000001","event":"TextSMS","timeStamp":"2024-05-13T05:24:57.123Z","sendResult":\#(code)}}"#
      }
    case .resultcode:
      return [#"{"resultcode":"\#(code)","resultdesc":"coverage probe"}"#]
    }
  }

  /// No service type (mode unknown), then AX, AXB or X, AXE, AXYB.
  private static let serviceTypes: [String?] = [nil, "003", "004", "005", "007"]

  /// A failed CDR push: with `ringing`, the callee's phone rang for a minute before it ended,
  /// as a no-answer does; without, it ended two seconds after forwarding.
  private static func detailRecord(ringing: Bool, serviceType: String?, codes: [CodeField: Int]) -> String {
    var fields = [
      #""sessionId":"cov-2""#, #""callerNum":"+8610000000001""#, #""bindNum":"+8612000000001""#,
      #""fwdDisplayNum":"+8612000000001""#, #""fwdDstNum":"+8610100000002""#,
      #""callInTime":"2024-05-13 05:24:57""#, #""fwdStartTime":"2024-05-13 05:24:58""#,
    ]
    if ringing {
      fields += [
        #""fwdAlertingTime":"2024-05-13 05:25:00""#, #""failTime":"2024-05-13 05:26:00""#,
        #""callEndTime":"2024-05-13 05:26:00""#,
      ]
    } else {
      fields += [#""failTime":"2024-05-13 05:25:00""#, #""callEndTime":"2024-05-13 05:25:00""#]
    }
    for field in [CodeField.ulFailReason, .fwdUnaswRsn, .callOutUnaswRsn, .sipStatusCode] {
      fields.append(#""\#(field.rawValue)":\#(codes[field] ?? 0)"#)
    }
    if let serviceType { fields.append(#""serviceType":"\#(serviceType)""#) }
    return #"{"eventType":"fee","feeLst":[{"# + fields.joined(separator: ",") + "}]}"
  }
}
