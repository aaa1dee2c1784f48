/// Every figure one benchmark run measures; `nil` where a step could not run (a tool not
/// installed, say), with the reason in `notes`.
struct BenchFigures: Codable {
  var calls = 0
  var cdrRecords = 0
  var messages = 0
  var inputBytes = 0
  var generateSeconds = 0.0

  var importSeconds = 0.0
  var importPeakMemory = 0
  /// Instructions the import executed (perf stat), when this machine counts them.
  var importInstructions: Int?
  /// Instructions per call of a 2,000-call import under callgrind, where perf cannot count.
  var sliceInstructionsPerCall: Double?
  var reimportSeconds = 0.0
  var reimportSaidUnchanged = false
  var storeBytes = 0
  /// Bytes per call of each table and index (SQLite's dbstat), largest first.
  var storeBytesByTable: [String: Int] = [:]
  var callsDiagnosedAtImport = 0

  var jqSeconds: Double?
  var jqFailedRecords: Int?
  var lnavSeconds: Double?
  var lnavLines: Int?
  /// sqlite3 loading the same typed call rows (as CSV) into the same table and indexes.
  var sqliteCSVSeconds: Double?
  var sqliteCSVRows: Int?

  var tuiFirstScreenSeconds = 0.0
  var tuiKeystrokeMedianSeconds = 0.0
  var tuiKeystrokeP95Seconds = 0.0
  var tuiOpenDetailSeconds = 0.0
  /// The same probe run again at once, with the store's pages cached.
  var tuiWarmFirstScreenSeconds = 0.0
  var tuiWarmKeystrokeP95Seconds = 0.0
  var tuiPeakMemory = 0
  var tuiRowsAfterFilter = 0

  var diagnoseSeconds = 0.0
  var diagnosePeakMemory = 0

  /// The receiver under wrk: for how long, with how many connections, what wrk saw (requests,
  /// those answered 2xx, rate, latency percentiles), and the pushes the store holds as
  /// answered 200 after the receiver stopped.
  var serveSeconds: Double?
  var serveConnections = 0
  var serveRequests = 0
  var serveAcknowledged = 0
  var servePushesPerSecond = 0.0
  var serveP50Seconds = 0.0
  var serveP99Seconds = 0.0
  var serveStoredAnswered200 = 0

  var rediagnosedCalls = 0
  var rediagnoseSeconds = 0.0

  var notes: [String] = []

  var cdrRecordsPerSecond: Double { Double(cdrRecords) / max(importSeconds, 1e-9) }
  var messagesPerSecond: Double { Double(messages) / max(importSeconds, 1e-9) }
  var storeBytesPerCall: Double { Double(storeBytes) / Double(max(calls, 1)) }
  var instructionsPerCall: Double? { importInstructions.map { Double($0) / Double(max(calls, 1)) } }
  var rediagnosedCallsPerSecond: Double { Double(rediagnosedCalls) / max(rediagnoseSeconds, 1e-9) }
}
