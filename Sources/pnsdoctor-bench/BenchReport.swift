import Foundation

/// The benchmark's one table: each figure, the target for it, and whether it is met.
struct BenchReport {
  let figures: BenchFigures

  private struct Line {
    var name: String
    var value: String
    var target: String
    var met: Bool?
  }

  private var lines: [Line] {
    let f = figures
    var lines: [Line] = [
      Line(name: "demo data", value: "\(f.calls) calls, \(f.cdrRecords) CDRs, \(f.messages) messages, \(mib(f.inputBytes))", target: "", met: nil),
      Line(name: "generate demo data", value: seconds(f.generateSeconds), target: "", met: nil),
      Line(name: "import + diagnosis", value: seconds(f.importSeconds), target: "", met: nil),
      Line(
        name: "import rate", value: "\(Int(f.cdrRecordsPerSecond)) CDR/s (\(Int(f.messagesPerSecond)) messages/s)",
        target: "≥ 100000 CDR/s", met: f.cdrRecordsPerSecond >= 100_000),
      Line(
        name: "calls diagnosed at import", value: "\(f.callsDiagnosedAtImport) of \(f.calls)", target: "all",
        met: f.callsDiagnosedAtImport == f.calls),
      Line(
        name: "import peak memory", value: mib(f.importPeakMemory), target: "≤ 200 MiB",
        met: f.importPeakMemory <= 200 << 20),
      Line(
        name: "instructions per call",
        value: f.instructionsPerCall.map { String(format: "%.0f (perf stat, whole import)", $0) }
          ?? f.sliceInstructionsPerCall.map { String(format: "%.0f (callgrind: 3,500-call import less a 2,500-call one)", $0) }
          ?? "not counted",
        target: "", met: nil),
      Line(
        name: "store size", value: "\(mib(f.storeBytes)), \(Int(f.storeBytesPerCall)) B/call",
        target: "≤ 600 B/call", met: f.storeBytesPerCall <= 600),
      Line(
        name: "import of the same input again", value: seconds(f.reimportSeconds)
          + (f.reimportSaidUnchanged ? ", recognised unchanged" : ", read again"),
        target: "≤ 2 s", met: f.reimportSeconds <= 2 && f.reimportSaidUnchanged),
    ]
    let perCall = f.storeBytesByTable.sorted { $0.value > $1.value }.prefix(8).map {
      "\($0.key) \(Int(Double($0.value) / Double(max(f.calls, 1))))"
    }
    if !perCall.isEmpty {
      lines.append(Line(name: "store by table, B/call", value: perCall.joined(separator: ", "), target: "", met: nil))
    }
    if let jq = f.jqSeconds {
      lines.append(
        Line(name: "jq: select failed CDRs", value: "\(seconds(jq)), \(f.jqFailedRecords ?? 0) records", target: "", met: nil))
      lines.append(
        Line(
          name: "pnsdoctor/jq", value: ratio(f.importSeconds, jq), target: "< 0.5 (import + diagnosis vs jq)",
          met: f.importSeconds < 0.5 * jq))
    } else {
      lines.append(Line(name: "jq", value: "not installed", target: "", met: nil))
    }
    if let lnav = f.lnavSeconds {
      lines.append(
        Line(name: "lnav: open, filter a code", value: "\(seconds(lnav)), \(f.lnavLines ?? 0) lines", target: "", met: nil))
      lines.append(Line(name: "pnsdoctor/lnav", value: ratio(f.importSeconds, lnav), target: "", met: nil))
    } else {
      lines.append(Line(name: "lnav", value: "not installed", target: "", met: nil))
    }
    if let sqlite = f.sqliteCSVSeconds {
      lines.append(
        Line(
          name: "sqlite3: the typed call rows + indexes", value: "\(seconds(sqlite)), \(f.sqliteCSVRows ?? 0) rows",
          target: "", met: nil))
      lines.append(
        Line(
          name: "pnsdoctor/sqlite3", value: ratio(f.importSeconds, sqlite), target: "≤ 2",
          met: f.importSeconds <= 2 * sqlite))
    } else {
      lines.append(Line(name: "sqlite3", value: "not installed", target: "", met: nil))
    }
    lines += [
      Line(
        name: "TUI: first Calls screen (cold)", value: milliseconds(f.tuiFirstScreenSeconds), target: "≤ 150 ms",
        met: f.tuiFirstScreenSeconds <= 0.15),
      Line(
        name: "TUI: filter keystroke (cold)", value:
          "median \(milliseconds(f.tuiKeystrokeMedianSeconds)), p95 \(milliseconds(f.tuiKeystrokeP95Seconds))",
        target: "p95 ≤ 30 ms", met: f.tuiKeystrokeP95Seconds <= 0.03),
      Line(
        name: "TUI: first Calls screen (warm)", value: milliseconds(f.tuiWarmFirstScreenSeconds), target: "≤ 150 ms",
        met: f.tuiWarmFirstScreenSeconds <= 0.15),
      Line(
        name: "TUI: filter keystroke p95 (warm)", value: milliseconds(f.tuiWarmKeystrokeP95Seconds),
        target: "≤ 30 ms", met: f.tuiWarmKeystrokeP95Seconds <= 0.03),
      Line(
        name: "TUI: open a call", value: milliseconds(f.tuiOpenDetailSeconds), target: "≤ 50 ms",
        met: f.tuiOpenDetailSeconds <= 0.05),
      Line(
        name: "TUI: peak memory", value: mib(f.tuiPeakMemory), target: "≤ 150 MiB",
        met: f.tuiPeakMemory <= 150 << 20),
      Line(
        name: "diagnose one pasted CDR", value: milliseconds(f.diagnoseSeconds), target: "≤ 100 ms",
        met: f.diagnoseSeconds <= 0.1),
      Line(
        name: "re-diagnosis after a rule change",
        value: "\(f.rediagnosedCalls) calls in \(seconds(f.rediagnoseSeconds)), \(Int(f.rediagnosedCallsPerSecond)) calls/s",
        target: "≥ 200000 calls/s", met: f.rediagnosedCallsPerSecond >= 200_000),
    ]
    if let serve = f.serveSeconds {
      let lost = max(0, f.serveAcknowledged - f.serveStoredAnswered200)
      lines += [
        Line(
          name: "serve under wrk: pushes/s",
          value: String(format: "%.0f (%d in %.0f s, %d connections)", f.servePushesPerSecond, f.serveRequests, serve, f.serveConnections),
          target: "≥ 5000/s", met: f.servePushesPerSecond >= 5000),
        Line(
          name: "serve under wrk: latency",
          value: "p50 \(milliseconds(f.serveP50Seconds)), p99 \(milliseconds(f.serveP99Seconds))", target: "p99 ≤ 20 ms",
          met: f.serveP99Seconds <= 0.02),
        Line(
          name: "serve: acknowledged pushes lost",
          value: "\(lost) (\(f.serveAcknowledged) answered 2xx to wrk, \(f.serveStoredAnswered200) stored as answered 200)",
          target: "0", met: lost == 0),
      ]
    }
    return lines
  }

  /// The table as text.
  func text() -> String {
    let rows = [("FIGURE", "VALUE", "TARGET", "MET")] + lines.map {
      ($0.name, $0.value, $0.target, $0.met.map { $0 ? "yes" : "NO" } ?? "")
    }
    let widths = (
      rows.map(\.0.count).max() ?? 0, rows.map(\.1.count).max() ?? 0, rows.map(\.2.count).max() ?? 0
    )
    var output = ""
    for row in rows {
      output +=
        [
          row.0.padding(toLength: widths.0, withPad: " ", startingAt: 0),
          row.1.padding(toLength: widths.1, withPad: " ", startingAt: 0),
          row.2.padding(toLength: widths.2, withPad: " ", startingAt: 0), row.3,
        ].joined(separator: "  ") + "\n"
    }
    for note in figures.notes { output += "note: \(note)\n" }
    return output
  }

  /// The figures as JSON, with the derived rates.
  func json() throws -> Data {
    struct Document: Encodable {
      var figures: BenchFigures
      var cdrRecordsPerSecond: Double
      var messagesPerSecond: Double
      var storeBytesPerCall: Double
      var rediagnosedCallsPerSecond: Double
      var ratioToJq: Double?
      var ratioToLnav: Double?
      var ratioToSqlite3: Double?
    }
    let f = figures
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(
      Document(
        figures: f, cdrRecordsPerSecond: f.cdrRecordsPerSecond, messagesPerSecond: f.messagesPerSecond,
        storeBytesPerCall: f.storeBytesPerCall, rediagnosedCallsPerSecond: f.rediagnosedCallsPerSecond,
        ratioToJq: f.jqSeconds.map { f.importSeconds / $0 }, ratioToLnav: f.lnavSeconds.map { f.importSeconds / $0 },
        ratioToSqlite3: f.sqliteCSVSeconds.map { f.importSeconds / $0 }))
  }

  private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
  private func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }
  private func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
  private func ratio(_ ours: Double, _ theirs: Double) -> String { String(format: "%.2f", ours / max(theirs, 1e-9)) }
}
