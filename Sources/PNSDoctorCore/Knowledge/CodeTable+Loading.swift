import Yams

extension CodeTable {
  static let allowedEntryKeys = ["code", "category", "side", "status", "meaning", "note", "http"]

  /// Reads a code table file; problems go to `issues`.
  static func load(_ root: Node, file: String, expectedId: String, issues: IssueCollector) -> CodeTable? {
    guard let top = YAMLMapping(root, path: "", file: file, issues: issues) else { return nil }
    top.check(
      allowed: ["table", "short", "title", "fields", "source", "codes", "ranges"],
      required: ["table", "title", "fields", "source", "codes"])
    let id = top.string("table") ?? expectedId
    if id != expectedId {
      top.report(
        at: top.node("table"), key: "table", "table id `\(id)` differs from the file name",
        hint: "name the file \(id).yaml")
    }
    let fields = (top.list("fields") ?? []).compactMap { $0.scalar?.string }
    for field in fields where CodeField(rawValue: field) == nil {
      top.report(
        at: top.node("fields"), key: "fields", "unknown field `\(field)`",
        hint: "one of: \(CodeField.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    var entries: [Int: CodeEntry] = [:]
    for (index, node) in (top.list("codes") ?? []).enumerated() {
      guard let entry = loadEntry(node, path: "codes[\(index)]", file: file, issues: issues, needsCode: true) else {
        continue
      }
      if entries[entry.code] != nil {
        issues.add(
          KnowledgeIssue(
            file: file, line: node.mark?.line ?? 0, keyPath: "codes[\(index)].code",
            reason: "code \(entry.code) is listed twice"))
      }
      entries[entry.code] = entry
    }
    var ranges: [CodeRange] = []
    for (index, node) in (top.list("ranges") ?? []).enumerated() {
      let path = "ranges[\(index)]"
      guard let mapping = YAMLMapping(node, path: path, file: file, issues: issues),
        let entry = loadEntry(node, path: path, file: file, issues: issues, needsCode: false),
        let from = mapping.integer("from"), let to = mapping.integer("to")
      else { continue }
      guard from <= to else {
        mapping.report(at: node, key: "to", "`to` (\(to)) is below `from` (\(from))")
        continue
      }
      ranges.append(CodeRange(codes: from...to, entry: entry))
    }
    guard let title = top.localized("title") else { return nil }
    return CodeTable(
      id: id, shortName: top.string("short"), title: title, fields: fields, source: top.string("source") ?? "", entries: entries, ranges: ranges)
  }

  private static func loadEntry(_ node: Node, path: String, file: String, issues: IssueCollector, needsCode: Bool)
    -> CodeEntry?
  {
    guard let mapping = YAMLMapping(node, path: path, file: file, issues: issues) else { return nil }
    let allowed = needsCode ? allowedEntryKeys : allowedEntryKeys.filter { $0 != "code" } + ["from", "to"]
    mapping.check(
      allowed: allowed, required: (needsCode ? ["code"] : ["from", "to"]) + ["category", "status", "meaning"])
    let code = needsCode ? mapping.integer("code") : 0
    let category = mapping.choice("category", as: CodeCategory.self)
    let status = mapping.choice("status", as: FactStatus.self)
    let side = mapping.node("side") == nil ? nil : mapping.choice("side", as: FaultSide.self)
    let meaning = mapping.localized("meaning")
    let note = mapping.node("note") == nil ? nil : mapping.localized("note")
    guard let code, let category, let status, let meaning else { return nil }
    return CodeEntry(
      code: code, category: category, side: side, status: status, meaning: meaning, note: note,
      httpStatus: mapping.node("http") == nil ? nil : mapping.integer("http"))
  }
}
