import PNSDoctorCore

/// The TUI's logic: a pure function from state and action to the new state and the work to do.
public enum Reducer {
  /// Rows loaded around the visible ones per query.
  static let pageSize = 200

  /// Applies `action` to `state`.
  /// - Returns: the work to run off the UI thread; each answer comes back as another action.
  public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let width, let height):
      state.width = width
      state.height = height
      state.calls.scrollToSelection(visibleRows: state.visibleRows)
      state.sms.scrollToSelection(visibleRows: state.visibleRows)
      return loadIfNeeded(&state)
    case .key(let key):
      return handle(key, &state)
    case .callsLoaded(
      let generation, let windowStart, let rows, let total, let counts, let totalIsLowerBound, let receiver):
      guard generation == state.generation else { return [] }
      state.calls.rows = rows
      state.calls.windowStart = windowStart
      if let total {
        state.calls.total = total
        state.callsTotalIsLowerBound = totalIsLowerBound
      }
      state.calls.loading = false
      if let counts { state.counts = counts }
      if let receiver { state.receiver = receiver }
      keepPlace(&state, rows: rows, windowStart: windowStart)
      state.calls.selected = min(state.calls.selected, max(0, state.calls.total - 1))
      state.calls.scrollToSelection(visibleRows: state.visibleRows)
      if state.openWhenLoaded, state.page == .callDetail, let row = state.calls.selectedRow {
        state.openWhenLoaded = false
        return [.openCall(rowId: row.rowId, sessionId: row.sessionId)]
      }
      // The selection may have moved on while this page loaded.
      return loadIfNeeded(&state)
    case .smsLoaded(let generation, let windowStart, let rows, let total):
      guard generation == state.generation else { return [] }
      state.sms.rows = rows
      state.sms.windowStart = windowStart
      state.sms.total = total
      state.sms.loading = false
      state.sms.selected = min(state.sms.selected, max(0, total - 1))
      state.sms.scrollToSelection(visibleRows: state.visibleRows)
      return loadIfNeeded(&state)
    case .callOpened(let detail):
      // Opened late, after the engineer moved elsewhere: not wanted any more. (From a call's
      // detail, `n`/`N` open the next one in its place.)
      guard state.page == .list || state.page == .callDetail, state.tab == .calls else {
        state.openingRelated = false
        return []
      }
      if state.openingRelated, let shown = state.detail, state.page == .callDetail {
        state.detailTrail.append(shown)
      } else if state.page != .callDetail {
        state.detailTrail = []
      }
      state.openingRelated = false
      state.detail = detail
      state.pageScroll = 0
      state.showRaw = false
      if state.page != .callDetail { state.pages.append(.callDetail) }
      return []
    case .smsOpened(let detail):
      guard state.page == .list && state.tab == .sms else { return [] }
      state.smsDetail = detail
      state.pageScroll = 0
      if state.page != .smsDetail { state.pages.append(.smsDetail) }
      return []
    case .statisticsLoaded(let statistics, let receiver):
      state.statistics = statistics
      state.receiverDay = receiver
      state.statsSelected = min(state.statsSelected, max(0, statistics.byCause.count - 1))
      return []
    case .pasteDiagnosed(let text, let results, let issues):
      // The text changed since this diagnosis was asked for: a newer one is on its way.
      guard text == state.paste.text else { return [] }
      state.paste.results = results
      state.paste.issues = issues
      state.paste.diagnosed = true
      state.paste.saved = false
      state.pageScroll = 0
      return []
    case .pasteSaved(let statistics):
      state.paste.saved = true
      state.message = state.language.pick(
        "saved: \(statistics.new) new, \(statistics.duplicate) already stored",
        "已保存：新增 \(statistics.new) 条，已存在 \(statistics.duplicate) 条")
      return reloadEffects(&state)
    case .tick(let now, let changed):
      state.now = now
      if !state.freshRowIds.isEmpty && now >= state.freshUntil { state.freshRowIds = [] }
      guard changed else { return [] }
      return storeChanged(&state, now: now)
    case .storeFileChanged(let fileState):
      state.storeFileState = fileState
      return []
    case .storeReopened:
      state.storeFileState = .unchanged
      state.message = state.language.pick("store reopened", "已重新打开存储")
      return reloadEffects(&state)
    case .signal(let number):
      state.endingSignal = number
      state.shouldQuit = true
      return []
    case .failed(let message):
      state.message = message
      state.openingRelated = false
      state.calls.loading = false
      state.sms.loading = false
      return []
    }
  }

  /// The queries for the current tab's list, as they stand.
  public static func reloadEffects(_ state: inout AppState) -> [Effect] {
    state.generation += 1
    switch state.tab {
    case .calls:
      state.calls.loading = true
      return [
        .loadCalls(
          callQuery(state, start: windowStart(for: state.calls, visible: state.visibleRows)),
          generation: state.generation, counting: true)
      ]
    case .sms:
      state.sms.loading = true
      return [
        .loadSMS(
          smsQuery(state, start: windowStart(for: state.sms, visible: state.visibleRows)), generation: state.generation)
      ]
    case .stats:
      return [.loadStatistics]
    }
  }

  static func callQuery(_ state: AppState, start: Int) -> CallQuery {
    var query = CallQuery()
    query.failedOnly = state.failedOnly
    query.search = state.filter.isEmpty ? nil : state.filter
    if let cause = state.causeFilter { query.causes = [cause] }
    query.number = state.numberFilter
    query.since = state.timeSpan.since
    query.until = state.timeSpan.until
    query.order = CallQuery.Order.allCases[state.sort.rawValue]
    query.limit = pageSize
    query.offset = start
    return query
  }

  static func smsQuery(_ state: AppState, start: Int) -> SMSQuery {
    var query = SMSQuery()
    query.failedOnly = state.failedOnly
    query.search = state.filter.isEmpty ? nil : state.filter
    query.limit = pageSize
    query.offset = start
    return query
  }

  /// The first row to load so that the visible rows sit in the middle of the window.
  static func windowStart<Row>(for list: ListState<Row>, visible: Int) -> Int {
    max(0, list.top - (pageSize - visible) / 2)
  }

  /// Loads the rows about to be shown when they are not loaded yet.
  static func loadIfNeeded(_ state: inout AppState) -> [Effect] {
    switch state.tab {
    case .calls where !state.calls.covers(visibleRows: state.visibleRows) && !state.calls.loading:
      state.calls.loading = true
      return [
        .loadCalls(
          callQuery(state, start: windowStart(for: state.calls, visible: state.visibleRows)),
          generation: state.generation, counting: false)
      ]
    case .sms where !state.sms.covers(visibleRows: state.visibleRows) && !state.sms.loading:
      state.sms.loading = true
      return [
        .loadSMS(
          smsQuery(state, start: windowStart(for: state.sms, visible: state.visibleRows)), generation: state.generation)
      ]
    default:
      return []
    }
  }
}
