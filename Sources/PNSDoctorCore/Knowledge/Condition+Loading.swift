import Yams

extension Condition {
  static let forms = [
    "all", "any", "not", "code", "mode", "present", "absent", "duration", "event", "lastEvent", "differ", "smsMode",
    "mentionsNumber", "neighbours", "delivered", "contains", "pushSignature", "upstreamFailed", "cdrMissing",
  ]

  /// Reads a condition: a mapping with exactly one of the forms as its key.
  static func load(_ node: Node, path: String, file: String, issues: IssueCollector) -> Condition? {
    guard let mapping = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    guard mapping.pairs.count == 1, let (form, value) = mapping.pairs.first.map({ ($0.key, $0.value) }) else {
      issues.add(
        KnowledgeIssue(
          file: file, line: mapping.line, keyPath: path, reason: "a condition has exactly one key",
          hint: "combine several with `all:` or `any:`"))
      return nil
    }
    let inner = mapping.join(form)
    func list() -> [Condition]? {
      guard let items = value.sequence, !items.isEmpty else {
        mapping.report(at: value, key: form, "expected a non-empty list of conditions")
        return nil
      }
      let parts = items.enumerated().map { load($1, path: "\(inner)[\($0)]", file: file, issues: issues) }
      return parts.contains(where: { $0 == nil }) ? nil : parts.compactMap { $0 }
    }
    func moment(_ text: String?, key: String) -> CallMoment? {
      guard let text else { return nil }
      guard let moment = CallMoment(rawValue: text) else {
        mapping.report(
          at: value, key: key, "`\(text)` is not a moment of a call",
          hint: "one of: \(CallMoment.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
      }
      return moment
    }
    switch form {
    case "all": return list().map(Condition.all)
    case "any": return list().map(Condition.any)
    case "not": return load(value, path: inner, file: file, issues: issues).map(Condition.not)
    case "code": return loadCode(value, path: inner, file: file, issues: issues)
    case "mode":
      let names = value.sequence.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
      let modes = names.compactMap(CallMode.init(userInput:))
      guard !names.isEmpty, modes.count == names.count else {
        mapping.report(at: value, key: form, "expected modes among AX, AXB, AXE, AXYB, X")
        return nil
      }
      return .mode(modes)
    case "present": return moment(value.string, key: form).map(Condition.present)
    case "absent": return moment(value.string, key: form).map(Condition.absent)
    case "lastEvent": return value.string.map { .lastEvent(CallEventType(wireName: $0)) }
    case "smsMode": return value.string.map { .smsMode(SMSNotificationMode(wireName: $0)) }
    case "mentionsNumber":
      guard let flag = value.string.flatMap({ ["true": true, "yes": true, "false": false, "no": false][$0.lowercased()] })
      else {
        mapping.report(at: value, key: form, "expected true or false")
        return nil
      }
      return .contentMentionsNumber(flag)
    case "differ":
      let names = value.sequence.map { $0.compactMap(\.string) } ?? []
      let fields = names.compactMap(NumberField.init(rawValue:))
      guard fields.count == 2, names.count == 2 else {
        mapping.report(
          at: value, key: form, "expected two number fields",
          hint: "among: \(NumberField.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
      }
      return .numbersDiffer(fields[0], fields[1])
    case "duration":
      guard let spec = YAMLMapping(value, path: inner, file: file, issues: issues) else { return nil }
      spec.check(allowed: ["from", "to", "atLeast", "atMost"], required: ["from", "to"])
      guard let from = moment(spec.string("from"), key: "duration.from"),
        let to = moment(spec.string("to"), key: "duration.to")
      else { return nil }
      let atLeast = spec.node("atLeast") == nil ? nil : spec.number("atLeast", in: 0...86_400)
      let atMost = spec.node("atMost") == nil ? nil : spec.number("atMost", in: 0...86_400)
      return .duration(from: from, to: to, atLeast: atLeast, atMost: atMost)
    case "event":
      guard let spec = YAMLMapping(value, path: inner, file: file, issues: issues) else { return nil }
      spec.check(allowed: ["type", "digits"], required: ["type"])
      guard let type = spec.string("type") else { return nil }
      let digits: DigitsExpectation
      if spec.node("digits") == nil {
        digits = .any
      } else if let text = spec.string("digits"), let expectation = DigitsExpectation(rawValue: text) {
        digits = expectation
      } else {
        spec.report(at: spec.node("digits"), key: "digits", "expected any, empty or nonEmpty")
        return nil
      }
      return .event(CallEventType(wireName: type), digits: digits)
    case "neighbours": return loadNeighbours(value, path: inner, file: file, issues: issues)
    case "contains":
      guard let spec = YAMLMapping(value, path: inner, file: file, issues: issues) else { return nil }
      spec.check(allowed: ["field", "any"], required: ["field", "any"])
      guard let field = spec.choice("field", as: TextField.self) else { return nil }
      let phrases = spec.list("any")?.compactMap(\.string).filter { !$0.isEmpty } ?? []
      guard !phrases.isEmpty else {
        spec.report(at: spec.node("any"), key: "any", "expected a non-empty list of phrases")
        return nil
      }
      return .textContains(field, phrases)
    case "delivered":
      guard let spec = YAMLMapping(value, path: inner, file: file, issues: issues) else { return nil }
      spec.check(allowed: ["atLeast"], required: ["atLeast"])
      guard let atLeast = spec.integer("atLeast"), atLeast >= 1 else { return nil }
      return .delivered(atLeast: atLeast)
    case "pushSignature": return loadPushSignature(value, mapping: mapping)
    case "upstreamFailed": return loadUpstreamFailed(value, path: inner, file: file, issues: issues)
    case "cdrMissing": return loadCDRMissing(value, path: inner, file: file, issues: issues)
    default:
      let closest = forms.min { YAMLMapping.distance($0, form) < YAMLMapping.distance($1, form) } ?? ""
      mapping.report(
        at: value, key: form, "unknown condition `\(form)`",
        hint: YAMLMapping.distance(closest, form) <= 3
          ? "did you mean `\(closest)`?" : "one of: \(forms.joined(separator: ", "))")
      return nil
    }
  }

  private static func loadCode(_ node: Node, path: String, file: String, issues: IssueCollector) -> Condition? {
    guard let spec = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    spec.check(allowed: ["field", "in", "between", "category"], required: ["field"])
    guard let field = spec.choice("field", as: CodeField.self) else { return nil }
    let forms = ["in", "between", "category"].filter { spec.node($0) != nil }
    guard forms.count == 1 else {
      issues.add(
        KnowledgeIssue(
          file: file, line: spec.line, keyPath: path,
          reason: "a code condition needs exactly one of in, between, category"))
      return nil
    }
    switch forms[0] {
    case "in":
      let texts = spec.list("in")?.compactMap(\.string) ?? []
      let codes = texts.compactMap { Int($0) }
      guard !codes.isEmpty, codes.count == texts.count else {
        spec.report(at: spec.node("in"), key: "in", "expected a list of whole numbers")
        return nil
      }
      return .code(field: field, match: .codes(Set(codes)))
    case "between":
      let bounds = spec.list("between")?.compactMap(\.string).compactMap { Int($0) } ?? []
      guard bounds.count == 2, bounds[0] <= bounds[1] else {
        spec.report(at: spec.node("between"), key: "between", "expected [lowest, highest]")
        return nil
      }
      return .code(field: field, match: .range(bounds[0]...bounds[1]))
    default:
      return spec.choice("category", as: CodeCategory.self).map { .code(field: field, match: .category($0)) }
    }
  }

  private static func loadNeighbours(_ node: Node, path: String, file: String, issues: IssueCollector) -> Condition? {
    guard let spec = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    spec.check(
      allowed: ["within", "sameCaller", "samePrivacyNumber", "calleePrefix", "match", "atLeast"],
      required: ["within", "atLeast"])
    guard let windowText = spec.string("within"), let window = Self.seconds(windowText), window.isFinite,
      window > 0, window <= 7 * 86_400
    else {
      spec.report(at: spec.node("within"), key: "within", "expected a span such as 90s, 30m or 2h, at most 7 days")
      return nil
    }
    if spec.node("calleePrefix") != nil {
      guard let length = spec.integer("calleePrefix"), (1...32).contains(length) else {
        spec.report(at: spec.node("calleePrefix"), key: "calleePrefix", "expected a length from 1 to 32")
        return nil
      }
    }
    let match = spec.node("match").flatMap { load($0, path: spec.join("match"), file: file, issues: issues) }
    if spec.node("match") != nil && match == nil { return nil }
    guard let atLeast = spec.integer("atLeast"), atLeast >= 1 else { return nil }
    return .neighbours(
      NeighbourPattern(
        window: window, sameCaller: spec.node("sameCaller") == nil ? false : spec.boolean("sameCaller") ?? false,
        samePrivacyNumber: spec.node("samePrivacyNumber") == nil ? false : spec.boolean("samePrivacyNumber") ?? false,
        calleePrefixLength: spec.node("calleePrefix") == nil ? nil : spec.integer("calleePrefix"),
        match: match, atLeast: atLeast))
  }

  /// `90`, `90s`, `30m`, `2h` as seconds.
  static func seconds(_ text: String) -> Double? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
    if let unit = text.last, let scale = units[unit], let amount = Double(text.dropLast()) { return amount * scale }
    return Double(text)
  }
}
