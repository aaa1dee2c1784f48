/// A column of a call list, shared by the TUI and `pnsdoctor calls` so that both drop the same
/// columns first when the terminal is narrow.
public enum CallColumn: String, Sendable, CaseIterable {
  case time, mode, x, caller, callee, result, ring, codes, session, cause

  /// The column's heading.
  public func header(in language: Language) -> String {
    switch self {
    case .time: return language.pick("TIME", "时间")
    case .mode: return language.pick("MODE", "模式")
    case .x: return language.pick("X NUMBER", "隐私号")
    case .caller: return language.pick("CALLER", "主叫")
    case .callee: return language.pick("CALLEE", "被叫")
    case .result: return language.pick("RESULT", "结果")
    case .ring: return language.pick("RING/TALK", "振铃/通话")
    case .codes: return language.pick("CODES", "原因码")
    case .session: return "SESSION"
    case .cause: return language.pick("CAUSE", "原因")
    }
  }

  /// The column's rank among those to drop when the list is too wide: higher goes first, 0
  /// never goes. The result of a list of failed calls says nothing and goes first; ring and
  /// talk time and the mode go before the codes, which are the cause's evidence; the cause is
  /// never dropped (only cut, once every droppable column is gone).
  /// - Parameter failedOnly: the list holds failed calls only.
  public func dropRank(failedOnly: Bool) -> Int {
    switch self {
    case .result: return failedOnly ? 8 : 0
    case .session: return 7
    case .ring: return 6
    case .mode: return 5
    case .codes: return 4
    case .x: return 2
    case .time, .caller, .callee, .cause: return 0
    }
  }

  /// The columns a comma- or space-separated list names (`time,caller,cause`), or the
  /// word not understood when one is not a column.
  public static func list(_ text: String) -> Result<[CallColumn], UnknownColumn> {
    var columns: [CallColumn] = []
    for word in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
      guard let column = CallColumn(rawValue: word.lowercased()) else { return .failure(UnknownColumn(word: String(word))) }
      if !columns.contains(column) { columns.append(column) }
    }
    return .success(columns)
  }

  /// A word of a column list that names no column.
  public struct UnknownColumn: Error, Sendable {
    public var word: String
  }

  /// Fits columns into `width`: while they are too wide the droppable ones go, highest rank
  /// first; then the time is shortened (`shortTime` its width); then the cause is cut, down to
  /// `narrowestCause`. `nil` width keeps everything.
  /// - Parameters:
  ///   - natural: each column's width as its text needs.
  ///   - gap: the columns between two columns.
  /// - Returns: the columns kept, in their order, with their widths, and whether the time is short.
  public static func fit(
    _ columns: [CallColumn], natural: [CallColumn: Int], width: Int?, gap: Int, failedOnly: Bool, shortTime: Int,
    narrowestCause: Int
  ) -> (columns: [(CallColumn, Int)], shortTime: Bool) {
    var kept = columns.map { ($0, natural[$0] ?? 0) }
    guard let width else { return (kept, false) }
    func total() -> Int { kept.reduce(0) { $0 + $1.1 } + gap * max(0, kept.count - 1) }
    while total() > width,
      let drop = kept.indices.filter({ kept[$0].0.dropRank(failedOnly: failedOnly) > 0 }).max(by: {
        kept[$0].0.dropRank(failedOnly: failedOnly) < kept[$1].0.dropRank(failedOnly: failedOnly)
      })
    {
      kept.remove(at: drop)
    }
    var short = false
    if total() > width, let time = kept.firstIndex(where: { $0.0 == .time }) {
      kept[time].1 = min(kept[time].1, shortTime)
      short = true
    }
    if total() > width, let cause = kept.firstIndex(where: { $0.0 == .cause }) {
      kept[cause].1 = max(narrowestCause, kept[cause].1 - (total() - width))
    }
    return (kept, short)
  }
}
