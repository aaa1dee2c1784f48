public import PNSDoctorCore

/// Everything that can change the state: keys, the terminal's size, and the answers of the work
/// done off the UI thread (each carrying the generation it was asked for).
public enum Action: Sendable {
  case key(Key)
  case resized(width: Int, height: Int)
  /// `total` and `counts` are `nil` when only another window of the same list was loaded;
  /// `totalIsLowerBound` when counting stopped early (more calls match than `total`); `receiver`
  /// is the live receiver's state, loaded with the counts.
  case callsLoaded(
    generation: Int, windowStart: Int, rows: [CallSummary], total: Int?, counts: StoreCounts?,
    totalIsLowerBound: Bool = false, receiver: ReceiverPulse? = nil)
  case smsLoaded(generation: Int, windowStart: Int, rows: [SMSSummary], total: Int)
  case callOpened(CallDetailState)
  case smsOpened(SMSDetailState)
  /// The store's failure statistics, and what the live receiver took in the last day (nil when
  /// it took nothing).
  case statisticsLoaded(FailureStatistics, receiver: ReceiverReport? = nil)
  case pasteDiagnosed(text: String, results: [InputDiagnoser.Result], issues: [ReadIssue])
  case pasteSaved(ImportStatistics)
  case failed(String)
  /// A signal (SIGTERM, SIGHUP, SIGINT) asks the app to stop.
  case signal(Int32)
  /// About once a second: the time (seconds since 1970), and whether the store changed since
  /// the last tick (another process imported).
  case tick(now: Double, storeChanged: Bool)
  /// The store's file is no longer the one opened (deleted, replaced, migrated), or is again.
  case storeFileChanged(StoreFileState)
  /// `r` opened the store at its path again.
  case storeReopened
}

/// Work the reducer asks for; the app runs it off the UI thread and answers with an `Action`.
public enum Effect: Sendable, Equatable {
  /// Rows of the call list; with `counting`, also the totals (skipped while scrolling, since
  /// counting a large store costs more than reading a page).
  case loadCalls(CallQuery, generation: Int, counting: Bool)
  case loadSMS(SMSQuery, generation: Int)
  case openCall(rowId: Int64, sessionId: String)
  case openSMS(id: Int64)
  case loadStatistics
  case diagnosePaste(String)
  case savePaste(String)
  /// Opens the store at its path again, in place of the one whose file went away.
  case reopenStore
}
