import PNSDoctorCore

/// The list keeping up with the store: new data shown by itself, the engineer's place kept,
/// follow mode, and moving from one call's detail to the next.
extension Reducer {
  /// Another process changed the store: the current list (and counts) load again in the
  /// background, the selected call staying selected, or, in follow mode, the newest one.
  static func storeChanged(_ state: inout AppState, now: Double) -> [Effect] {
    // Not while the engineer types a filter: the next keystroke reloads anyway.
    guard !state.editingFilter else { return [] }
    state.freshUntil = now + AppState.freshSeconds
    switch state.tab {
    case .calls:
      state.markArrivals = true
      if state.following {
        state.calls.selected = 0
        state.calls.top = 0
        state.keepSelectedRowId = nil
      } else {
        state.keepSelectedRowId = state.calls.selectedRow?.rowId
      }
    case .sms, .stats:
      break
    }
    return reloadEffects(&state)
  }

  /// After a reload: the calls new since the last one are marked fresh, and the selection
  /// follows the call that was selected, wherever it moved to.
  static func keepPlace(_ state: inout AppState, rows: [CallSummary], windowStart: Int) {
    let newest = rows.map(\.rowId).max() ?? 0
    if state.markArrivals {
      state.markArrivals = false
      let fresh = rows.filter { $0.rowId > state.newestRowIdSeen }.map(\.rowId)
      state.freshRowIds.formUnion(fresh)
    }
    state.newestRowIdSeen = max(state.newestRowIdSeen, newest)
    guard let kept = state.keepSelectedRowId else { return }
    state.keepSelectedRowId = nil
    // The same call stays selected; the rows shown stay where they were unless that would
    // hide it, so calls arriving above show up.
    if let index = rows.firstIndex(where: { $0.rowId == kept }) {
      state.calls.selected = windowStart + index
    }
  }

  /// `n`/`N` on a call's detail: the next or previous call of the list it was opened from.
  static func stepCall(by delta: Int, _ state: inout AppState) -> [Effect] {
    guard state.page == .callDetail, state.tab == .calls else { return [] }
    let target = state.calls.selected + delta
    guard target >= 0, target < state.calls.total else {
      state.message =
        delta > 0
        ? state.language.pick("this is the last call of the list", "已是列表中的最后一个呼叫")
        : state.language.pick("this is the first call of the list", "已是列表中的第一个呼叫")
      return []
    }
    state.calls.move(by: delta, visibleRows: state.visibleRows)
    if let row = state.calls.selectedRow {
      return [.openCall(rowId: row.rowId, sessionId: row.sessionId)]
    }
    state.openWhenLoaded = true
    return loadIfNeeded(&state)
  }
}
