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
  var storeBytes = 0
  var callsDiagnosedAtImport = 0

  var jqSeconds: Double?
  var jqFailedRecords: Int?
  var lnavSeconds: Double?
  var lnavLines: Int?
  var sqliteCSVSeconds: Double?
  var sqliteCSVRows: Int?

  var tuiFirstScreenSeconds = 0.0
  var tuiKeystrokeMedianSeconds = 0.0
  var tuiKeystrokeP95Seconds = 0.0
  var tuiOpenDetailSeconds = 0.0
  var tuiPeakMemory = 0
  var tuiRowsAfterFilter = 0

  var diagnoseSeconds = 0.0
  var diagnosePeakMemory = 0

  var rediagnosedCalls = 0
  var rediagnoseSeconds = 0.0

  var notes: [String] = []

  var cdrRecordsPerSecond: Double { Double(cdrRecords) / max(importSeconds, 1e-9) }
  var messagesPerSecond: Double { Double(messages) / max(importSeconds, 1e-9) }
  var storeBytesPerCall: Double { Double(storeBytes) / Double(max(calls, 1)) }
  var rediagnosedCallsPerSecond: Double { Double(rediagnosedCalls) / max(rediagnoseSeconds, 1e-9) }
}
