import Foundation
import PNSDoctorCore

/// What `import` prints: the counts, then the rejections (the first 20 in text).
struct ImportReport {
  let statistics: ImportStatistics
  let storePath: String
  let language: Language
  /// How rejection messages show the numbers they quote (masked unless `--reveal`).
  let display: DisplayOptions

  static let shownRejections = 20

  func text() -> String {
    let s = statistics
    let l = language
    var lines = [
      l.pick(
        "read \(s.read), new \(s.new), duplicate \(s.duplicate), rejected \(s.rejected)",
        "读取 \(s.read)，新增 \(s.new)，重复 \(s.duplicate)，拒绝 \(s.rejected)"),
      l.pick(
        "\(s.sources) input(s), \(s.callsUpdated) call(s) updated, store \(sanitize(storePath))",
        "\(s.sources) 个输入，更新 \(s.callsUpdated) 通呼叫，存储 \(sanitize(storePath))"),
    ]
    if s.unchangedInputs > 0 {
      lines.append(
        l.pick(
          "\(s.unchangedInputs) input(s) already imported whole and unchanged since: nothing new",
          "\(s.unchangedInputs) 个输入此前已完整导入且未变化：没有新内容"))
    }
    if s.alreadyStored > 0 {
      lines.append(
        l.pick(
          "\(s.alreadyStored) message(s) stored by an earlier import of the same input, skipped",
          "\(s.alreadyStored) 条消息已由此前对同一输入的导入存储，已跳过"))
    }
    if s.rejected > 0 {
      lines.append(l.pick("rejected:", "被拒绝的记录："))
      let shown = s.issues.prefix(Self.shownRejections)
      for issue in shown {
        lines.append("  " + display.show(text: issue.message(in: l)))
      }
      let more = s.rejected - shown.reduce(0) { $0 + $1.rejections }
      if more > 0 {
        lines.append(l.pick("  … and \(more) more", "  …… 另有 \(more) 条"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func json() -> String {
    struct Rejection: Encodable {
      var source: String
      var line: Int
      var column: Int
      var reason: String
    }
    struct Body: Encodable {
      var read, new, duplicate, alreadyStored, unchangedInputs, rejected, inputs, callsUpdated: Int
      var store: String
      var rejections: [Rejection]
      var rejectionsOmitted: Int
    }
    let s = statistics
    let body = Body(
      read: s.read, new: s.new, duplicate: s.duplicate, alreadyStored: s.alreadyStored,
      unchangedInputs: s.unchangedInputs, rejected: s.rejected, inputs: s.sources,
      callsUpdated: s.callsUpdated, store: storePath,
      rejections: s.issues.map {
        Rejection(
          source: $0.location.source, line: $0.location.line, column: $0.location.column,
          reason: $0.explanation(in: language))
      },
      rejectionsOmitted: s.rejected - s.issues.reduce(0) { $0 + $1.rejections })
    return JSONText.encode(body)
  }

  private func sanitize(_ text: String) -> String {
    TerminalSanitizer.sanitize(text, limit: 400)
  }
}
