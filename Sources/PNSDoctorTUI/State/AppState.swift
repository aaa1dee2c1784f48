public import PNSDoctorCore

/// Everything the TUI shows, as a value: the reducer changes it, views draw it.
public struct AppState: Sendable {
  /// The top-level screens `Tab` cycles through.
  public enum Tab: Int, Sendable, CaseIterable {
    case calls, sms, stats
  }

  /// What is on screen: a tab's list, or a page opened over it.
  public enum Page: Sendable, Equatable {
    case list
    case callDetail
    case smsDetail
    case paste
    case help
  }

  public var width: Int
  public var height: Int
  public var tab = Tab.calls
  /// Pages opened over the list, the last one on top.
  public var pages: [Page] = []
  public var language: Language
  /// Phone numbers are masked until the engineer asks (`m`).
  public var masked = true
  /// The store's name for the status line.
  public var storeName: String
  public var timeDisplay: TimeDisplay

  public var calls = ListState<CallSummary>()
  public var sms = ListState<SMSSummary>()
  /// Only failed calls and messages (`f`).
  public var failedOnly = true
  public var sort = CallSort.newest
  /// The cause chosen on Stats (Enter): the call list shows the calls it is the top cause of.
  public var causeFilter: String?
  /// The selected cause on Stats, an index into the statistics' causes.
  public var statsSelected = 0
  /// The filter text (`/`), applied as it is typed.
  public var filter = ""
  public var editingFilter = false
  /// Only calls with a number containing these digits (`:number`).
  public var numberFilter: String?
  /// Only calls in this time span (`:since`, `:until`, Enter on an hour of the Stats chart),
  /// with the words the engineer used, for the status line.
  public var timeSpan = TimeSpan()
  /// The `:` command being typed; `nil` when the command line is closed.
  public var commandLine: String?
  /// Commands run before, the latest last; `historyIndex` walks back through them.
  public var commandHistory: [String] = []
  public var historyIndex: Int?
  /// The most commands kept in the history.
  public static let historyLimit = 50
  /// The call list's columns chosen with `:columns` (or `o`); `nil` fits them to the width.
  public var columns: [CallColumn]?
  /// On Stats: whether Enter opens the selected cause or the selected hour of the chart.
  public var statsFocus = StatsFocus.causes
  /// The selected hour of the Stats chart, an index into `StatsHours.shown`.
  public var statsHour = 0
  /// The rule ids `:cause` accepts.
  public var ruleIds: [String] = []
  /// The time now (seconds since 1970), kept by the ticks, for `:since 2h`.
  public var now: Double = 0
  /// While drawing a compact call list whose visible calls are all of one day: that day
  /// (`MM-dd`), named once in the heading instead of on every row.
  public var compactDay: String?
  /// Whether the terminal takes the session id into its clipboard (OSC 52) on `y`.
  public var clipboardAvailable = false
  /// Counts of the whole store, for the status line.
  public var counts: StoreCounts?
  /// The live receiver's state when `pnsdoctor serve` writes to this store, for the status line.
  public var receiver: ReceiverPulse?
  /// More calls match the filter than the list's total: counting stopped at the list's bound.
  public var callsTotalIsLowerBound = false
  /// Bumped with every change of what the lists show, so late answers to old queries are dropped.
  public var generation = 0

  public var detail: CallDetailState?
  /// The calls opened before this one from their Related section: Esc goes back to them.
  public var detailTrail: [CallDetailState] = []
  /// A related call is being opened: when it arrives, the call shown goes on the trail.
  public var openingRelated = false
  /// Text the app is to put on the terminal's clipboard (OSC 52) once, then clear.
  public var clipboardRequest: String?
  public var smsDetail: SMSDetailState?
  public var paste = PasteState()
  public var statistics: FailureStatistics?
  /// What the live receiver took in the day before Stats was loaded, for its receiver section.
  public var receiverDay: ReceiverReport?
  /// Lines scrolled in a page (detail, paste result, help).
  public var pageScroll = 0
  public var showRaw = false
  /// A one-line message in the status line (errors, "saved").
  public var message: String?
  /// What became of the store's file while it was open: anything but `.unchanged` is said on
  /// screen until `r` reopens it.
  public var storeFileState: StoreFileState = .unchanged
  public var shouldQuit = false
  /// Follow mode (`F`): new calls arriving keep the selection on the newest.
  public var following = false
  /// A call to open once the list's rows around the selection are loaded (`n`/`N` past the
  /// loaded window).
  public var openWhenLoaded = false
  /// The row to keep selected when the list reloads because the store changed, so that new
  /// calls arriving do not move the engineer's place.
  public var keepSelectedRowId: Int64?
  /// The highest call row id the list has shown: calls above it that a reload brings are new.
  public var newestRowIdSeen: Int64 = 0
  /// Calls that arrived in the last few seconds, drawn highlighted until `freshUntil`.
  public var freshRowIds: Set<Int64> = []
  public var freshUntil: Double = 0
  /// The next list load answers a change of the store: its calls above `newestRowIdSeen` are
  /// arrivals (a filter or sort change only shows calls that were there).
  public var markArrivals = false
  /// How long newly arrived calls stay highlighted, in seconds.
  public static let freshSeconds = 5.0
  /// The signal that ended the app, if one did (for the exit status).
  public var endingSignal: Int32?

  public init(width: Int, height: Int, language: Language, storeName: String, timeDisplay: TimeDisplay) {
    self.width = width
    self.height = height
    self.language = language
    self.storeName = storeName
    self.timeDisplay = timeDisplay
  }

  /// What Enter on Stats opens.
  public enum StatsFocus: Sendable {
    case causes, hours
  }

  /// The page on top.
  public var page: Page { pages.last ?? .list }

  /// Rows a list can show: the screen minus the heading and the two status lines.
  public var visibleRows: Int { max(1, height - 4) }

  /// The smallest screen pnsdoctor draws on; smaller shows a "too small" notice.
  public static let minimumWidth = 60
  public static let minimumHeight = 12

  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}
