import Foundation
import PNSDoctorCore

/// The receiver under load: `pnsdoctor-serve` on a loopback port with a store of its own, and
/// wrk posting pushes from the demo data (events, CDR batches, SMS, as they came) for a fixed
/// time; then the count check: every push wrk saw answered 200 must be in the store.
struct ServeLoadRun {
  let server: String
  let folder: URL
  let dataPath: String
  let seconds: Int
  let connections: Int

  /// The pushes wrk cycles through: the first lines of the demo data.
  static let bodies = 20_000

  func run(into figures: inout BenchFigures) throws {
    guard FileManager.default.isExecutableFile(atPath: server) else {
      figures.notes.append("\(server) is missing: the serve run was left out")
      return
    }
    guard let wrk = ChildProcess.find("wrk") else {
      figures.notes.append("wrk is not installed: the serve run was left out")
      return
    }
    let script = folder.appendingPathComponent("pushes.lua")
    try writeScript(to: script)
    let store = folder.appendingPathComponent("serve.sqlite").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: server)
    process.arguments = ["--listen", "127.0.0.1:0", "--store", store, "--no-access-log"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
    }
    guard let port = Self.port(from: errors.fileHandleForReading) else {
      throw ChildProcess.Failure(description: "pnsdoctor-serve did not say where it listens")
    }
    let load = try ChildProcess.run(
      wrk,
      [
        "-t", "1", "-c", "\(connections)", "-d", "\(seconds)s", "--latency", "-s", script.path,
        "http://127.0.0.1:\(port)/push",
      ])
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    guard load.status == 0 else {
      throw ChildProcess.Failure(description: "wrk exited with \(load.status): \(load.errors.prefix(500))")
    }
    let summary = Self.parse(load.output)
    figures.serveSeconds = Double(seconds)
    figures.serveConnections = connections
    figures.serveRequests = summary.requests
    figures.serveAcknowledged = summary.requests - summary.non2xx
    figures.servePushesPerSecond = summary.perSecond
    figures.serveP50Seconds = summary.p50
    figures.serveP99Seconds = summary.p99
    let report = try CallStore.openForReading(path: store).receiverReport(sinceMs: nil)
    figures.serveStoredAnswered200 = report.byAnsweredStatus["200"] ?? 0
    if summary.socketErrors > 0 { figures.notes.append("serve: wrk counted \(summary.socketErrors) socket errors") }
  }

  /// A wrk script that posts the bodies in turn, each connection from its own place.
  private func writeScript(to url: URL) throws {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: dataPath))
    defer { try? handle.close() }
    var text = "local bodies = {\n"
    var count = 0
    var pending = Data()
    reading: while count < Self.bodies {
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
        pending.removeSubrange(pending.startIndex...newline)
        guard line.hasPrefix("{") else { continue }
        text += "[==[" + line + "]==],\n"
        count += 1
        if count == Self.bodies { break reading }
      }
    }
    text += """
      }
      local headers = { ["Content-Type"] = "application/json;charset=UTF-8" }
      local next = 0
      init = function(args) next = math.random(#bodies) end
      request = function()
        next = next % #bodies + 1
        return wrk.format("POST", nil, headers, bodies[next])
      end

      """
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  private static func port(from handle: FileHandle) -> Int? {
    var said = ""
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let data = handle.availableData
      if data.isEmpty { return nil }
      said += String(decoding: data, as: UTF8.self)
      if let match = said.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/) {
        // The rest of what it says is drained in the background, so it never blocks on a pipe.
        Thread.detachNewThread { while !handle.availableData.isEmpty {} }
        return Int(match.1)
      }
    }
    return nil
  }

  struct Summary {
    var requests = 0
    var non2xx = 0
    var socketErrors = 0
    var perSecond = 0.0
    var p50 = 0.0
    var p99 = 0.0
  }

  /// Reads wrk's report: requests, non-2xx answers, socket errors, rate, latency percentiles.
  static func parse(_ output: String) -> Summary {
    var summary = Summary()
    for line in output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      if line.hasPrefix("Requests/sec:"), fields.count > 1 { summary.perSecond = Double(fields[1]) ?? 0 }
      if line.contains("requests in"), let first = fields.first { summary.requests = Int(first) ?? 0 }
      if line.hasPrefix("Non-2xx or 3xx responses:"), let last = fields.last { summary.non2xx = Int(last) ?? 0 }
      if line.hasPrefix("Socket errors:") {
        summary.socketErrors = line.split(separator: ",").compactMap { part in part.split(separator: " ").last.flatMap { Int($0) } }
          .reduce(0, +)
      }
      if fields.count == 2, fields[0] == "50%" { summary.p50 = seconds(fields[1]) }
      if fields.count == 2, fields[0] == "99%" { summary.p99 = seconds(fields[1]) }
    }
    return summary
  }

  /// wrk's `1.23ms`, `456.00us`, `1.02s`, in seconds.
  static func seconds(_ text: String) -> Double {
    for (suffix, scale) in [("us", 1e-6), ("ms", 1e-3), ("s", 1.0)] where text.hasSuffix(suffix) {
      return (Double(text.dropLast(suffix.count)) ?? 0) * scale
    }
    return Double(text) ?? 0
  }
}
