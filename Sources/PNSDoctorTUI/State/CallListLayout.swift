import PNSDoctorCore

/// Which columns the call list shows at a width, and how wide each is: the columns chosen with
/// `:columns`, or by default the usual ones with the codes from 120 columns and the session id
/// from 160; then fitted (`CallColumn.fit`) so that the cause is cut only once the less useful
/// columns are gone, and given whatever width is left.
enum CallListLayout {
  /// The narrowest a cut cause may become.
  static let narrowestCause = 20
  /// The width from which the codes and the session id are shown by default.
  static let codesFrom = 120
  static let sessionFrom = 160

  static func automaticColumns(width: Int) -> [CallColumn] {
    var columns: [CallColumn] = [.time, .mode, .x, .caller, .callee, .result, .ring]
    if width >= codesFrom { columns.append(.codes) }
    if width >= sessionFrom { columns.append(.session) }
    return columns + [.cause]
  }

  /// - Parameters:
  ///   - natural: each column's width as the visible rows and its heading need.
  ///   - shortTime: the time column's width without the year.
  /// - Returns: the columns with their widths (the last takes the rest of the row), and
  ///   whether the time is shown short.
  static func fit(
    width: Int, chosen: [CallColumn]?, failedOnly: Bool, natural: [CallColumn: Int], shortTime: Int
  ) -> (columns: [(CallColumn, Int)], shortTime: Bool) {
    var (columns, short) = CallColumn.fit(
      chosen ?? automaticColumns(width: width), natural: natural, width: width, gap: 1, failedOnly: failedOnly,
      shortTime: shortTime, narrowestCause: narrowestCause)
    if let last = columns.indices.last {
      // The last column (the cause, unless the engineer chose otherwise) takes what is left.
      let used = columns.dropLast().reduce(0) { $0 + $1.1 + 1 }
      columns[last].1 = max(columns[last].1, width - used)
    }
    return (columns, short)
  }
}
