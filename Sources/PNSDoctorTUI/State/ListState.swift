/// A scrollable list backed by the store, of which only a window of rows is loaded: a store of a
/// million calls scrolls as a store of a hundred, one page query at a time.
public struct ListState<Row: Sendable & Equatable>: Sendable, Equatable {
  /// The loaded rows; `rows[0]` is row number `windowStart` of the whole list.
  public var rows: [Row] = []
  public var windowStart = 0
  /// Rows in the whole list, as the store counted them.
  public var total = 0
  /// The selected row's number in the whole list.
  public var selected = 0
  /// The number of the first row shown.
  public var top = 0
  /// Whether a load is under way.
  public var loading = false

  public init() {}

  /// The selected row, when it is loaded.
  public var selectedRow: Row? {
    let index = selected - windowStart
    return rows.indices.contains(index) ? rows[index] : nil
  }

  /// The row at a list position, when it is loaded.
  public func row(at position: Int) -> Row? {
    let index = position - windowStart
    return rows.indices.contains(index) ? rows[index] : nil
  }

  /// Moves the selection by `delta` rows (clamped), keeping it visible in `visibleRows`.
  public mutating func move(by delta: Int, visibleRows: Int) {
    guard total > 0 else {
      selected = 0
      top = 0
      return
    }
    selected = min(max(0, selected + delta), total - 1)
    scrollToSelection(visibleRows: visibleRows)
  }

  public mutating func scrollToSelection(visibleRows: Int) {
    let visible = max(1, visibleRows)
    if selected < top { top = selected }
    if selected >= top + visible { top = selected - visible + 1 }
    top = max(0, min(top, max(0, total - visible)))
  }

  /// Whether the rows shown (`top` and the following `visibleRows`) are all loaded.
  public func covers(visibleRows: Int) -> Bool {
    let end = min(total, top + visibleRows)
    return top >= windowStart && end <= windowStart + rows.count
  }
}
