/// Writes realistic synthetic pushes for a number of calls: call events, CDR batches (some of
/// them re-pushed, as the platform does when a receiver does not answer 200) and SMS
/// notifications, across all modes and the failure scenarios of the platform's code tables.
///
/// The output is JSON Lines, one push body per line, and depends only on the count and the seed.
/// Every phone number is fake: users get numbers in the unassigned `+86 10x` block and privacy
/// numbers in the unassigned `+86 12x` block, so no demo number can belong to a real person.
public struct DemoGenerator {
  /// What was written.
  public struct Summary: Sendable, Equatable {
    public var calls = 0
    public var failedCalls = 0
    public var lines = 0
    public var detailRecordPushes = 0
    public var rePushes = 0
    public var smsNotifications = 0
  }

  public let count: Int
  public let seed: UInt64
  /// When the first call starts.
  public let start: Timestamp

  /// - Parameters:
  ///   - count: how many calls.
  ///   - seed: the same seed gives the same output.
  ///   - start: when the first call starts (by default 2026-11-23 00:00:00 UTC).
  public init(count: Int, seed: UInt64, start: Timestamp = Timestamp(millisecondsSince1970: 1_795_392_000_000)) {
    self.count = max(0, count)
    self.seed = seed
    self.start = start
  }

  /// Generates the pushes, handing them to `sink` in large chunks of UTF-8 bytes.
  public func generate(to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Summary {
    var random = DemoRandom(seed: seed)
    var summary = Summary()
    var output: [UInt8] = []
    output.reserveCapacity(1 << 22)
    var lines: [String] = []
    let pools = DemoNumberPools(random: &random)
    let meanGap = max(50.0, 86_400_000.0 / Double(max(count, 1)))
    var clock = start.millisecondsSince1970
    var pendingRecords: [String] = []
    var batchTarget = random.int(1...50)
    var rePushQueue: [(dueAfterCall: Int, line: String)] = []
    let burstStart = count >= 200 ? random.int(count / 4...count / 2) : Int.max
    let burstArea = "+86105" + random.digits(2)
    let burstCaller = pools.callers[0]
    // The failed call a caller may try again: what makes a call's related calls worth a look.
    var lastFailed: DemoCall?

    func flush() throws {
      for line in lines {
        output.append(contentsOf: line.utf8)
        output.append(0x0A)
      }
      summary.lines += lines.count
      lines.removeAll(keepingCapacity: true)
      if output.count >= 1 << 22 {
        try output.withUnsafeBytes { try sink($0) }
        output.removeAll(keepingCapacity: true)
      }
    }

    func pushRecords() {
      guard !pendingRecords.isEmpty else { return }
      let line = "{\"eventType\":\"fee\",\"feeLst\":[" + pendingRecords.joined(separator: ",") + "]}"
      lines.append(line)
      summary.detailRecordPushes += 1
      // About one push in twelve is not acknowledged in time and comes again, up to 6 times.
      if random.chance(0.08) {
        for retry in 1...random.int(1...3) {
          rePushQueue.append((summary.calls + retry * random.int(5...40), line))
        }
      }
      pendingRecords.removeAll(keepingCapacity: true)
      batchTarget = random.int(1...50)
    }

    for index in 0..<count {
      let inBurst = index >= burstStart && index < burstStart + 40
      clock += inBurst ? Int64(random.int(8_000...25_000)) : Int64(-meanGap * log(1 - random.unit() * 0.999))
      var call = makeCall(index: index, at: clock, pools: pools, random: &random)
      if inBurst {
        call.caller = burstCaller
        call.callee = burstArea + random.digits(6)
        call.mode = .axb
        call.subscriptionId = call.subscriptionId ?? random.digits(8)
        let rejected = index - burstStart >= 12
        call.scenario = rejected ? DemoScenario.carrierRejection : DemoScenario.all[0]
        shapeTimeline(&call, random: &random)
      } else if let previous = lastFailed, clock - previous.end < 600_000, random.chance(0.3) {
        // A retry: the same caller, callee and X number a few minutes after a failure.
        call.caller = previous.caller
        call.callee = previous.callee
        call.privacyNumber = previous.privacyNumber
        call.mode = previous.mode
        call.extensionNumber = previous.extensionNumber
        call.subscriptionId = previous.subscriptionId
        call.scenario = random.weighted(DemoScenario.choices(for: previous.mode))
        shapeTimeline(&call, random: &random)
      }
      lastFailed = call.scenario.stage != .answered && !inBurst ? call : nil
      summary.calls += 1
      if call.scenario.stage != .answered { summary.failedCalls += 1 }
      // Some customers configure no call-event address: their calls show up as CDRs only.
      if !random.chance(0.02) {
        call.eventLines(into: &lines)
        if random.chance(0.01), let last = lines.last { lines.append(last) }
      }
      pendingRecords.append(call.detailRecordJSON)
      if pendingRecords.count >= batchTarget { pushRecords() }
      if random.chance(0.12) && call.mode != .axe && call.mode != .axyb {
        summary.smsNotifications += DemoSMS.append(for: call, at: clock + 30_000, random: &random, into: &lines)
      }
      while let due = rePushQueue.firstIndex(where: { $0.dueAfterCall <= summary.calls }) {
        lines.append(rePushQueue.remove(at: due).line)
        summary.rePushes += 1
      }
      try flush()
    }
    pushRecords()
    for pending in rePushQueue {
      lines.append(pending.line)
      summary.rePushes += 1
    }
    try flush()
    if !output.isEmpty { try output.withUnsafeBytes { try sink($0) } }
    return summary
  }

  private func makeCall(index: Int, at clock: Int64, pools: DemoNumberPools, random: inout DemoRandom) -> DemoCall {
    let mode = random.weighted([(CallMode.axb, 45), (.ax, 20), (.axe, 20), (.axyb, 10), (.x, 5)])
    let scenario = random.weighted(DemoScenario.choices(for: mode))
    let bindingMissing = [8013, 8014, 8022, 8030].contains(scenario.stateCode)
    let host = "callenabler\(random.int(240...249)).huaweicaas.com"
    let stamp = DemoCall.wireTime(clock).filter(\.isNumber)
    var call = DemoCall(
      sessionId: "\(1200 + random.int(0...9))_\(index)_4294967295_\(stamp)@\(host)",
      mode: mode,
      caller: pools.callers[random.int(0...pools.callers.count - 1)],
      privacyNumber: pools.privacyNumbers[random.int(0...pools.privacyNumbers.count - 1)],
      callee: pools.callees[random.int(0...pools.callees.count - 1)],
      subscriptionId: bindingMissing || mode == .x ? nil : Self.uuid(&random),
      extensionNumber: mode == .axe ? String(random.int(1...9999)) : nil,
      scenario: scenario, callIn: clock, forwardStart: nil, alerting: nil, answer: nil, end: clock,
      recorded: random.chance(0.3),
      icid: random.digits(32) + "." + random.digits(10),
      hostName: host,
      userData: random.chance(0.2) ? "order-\(random.digits(8))" : nil)
    shapeTimeline(&call, random: &random)
    return call
  }

  /// Sets the times of each step from the scenario's stage.
  private func shapeTimeline(_ call: inout DemoCall, random: inout DemoRandom) {
    let collect: Int64 = call.mode == .axe ? Int64(random.int(4_000...9_000)) : 0
    let forwardStart = call.callIn + collect + Int64(random.int(300...1_500))
    call.forwardStart = nil
    call.alerting = nil
    call.answer = nil
    switch call.scenario.stage {
    case .arrived:
      call.end = call.callIn + collect + Int64(random.int(1_000...6_000))
    case .forwarded:
      call.forwardStart = forwardStart
      call.end = forwardStart + Int64(random.int(1_000...9_000))
    case .rang:
      call.forwardStart = forwardStart
      let alerting = forwardStart + Int64(random.int(1_000...4_000))
      call.alerting = alerting
      let ring = call.scenario.stateCode == 8035 ? 90_000 : random.int(3_000...60_000)
      call.end = alerting + Int64(ring)
    case .answered:
      call.forwardStart = forwardStart
      let alerting = forwardStart + Int64(random.int(1_000...4_000))
      let answer = alerting + Int64(random.int(2_000...20_000))
      call.alerting = alerting
      call.answer = answer
      call.end = answer + Int64(random.int(5_000...400_000))
    }
  }

  static func uuid(_ random: inout DemoRandom) -> String {
    let hex = (0..<2).map { _ in String(random.next(), radix: 16) }.joined()
    let padded = String((hex + String(repeating: "0", count: 32)).prefix(32))
    let characters = Array(padded)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
  }
}

/// The fake numbers demo calls are made between.
struct DemoNumberPools {
  let callers: [String]
  let callees: [String]
  let privacyNumbers: [String]

  init(random: inout DemoRandom) {
    callers = (0..<5000).map { _ in "+86100" + random.digits(8) }
    callees = (0..<3000).map { _ in "+8610" + String(random.int(1...9)) + random.digits(8) }
    privacyNumbers = (0..<300).map { _ in "+8612" + String(random.int(0...9)) + random.digits(8) }
  }
}

#if canImport(Glibc)
  import func Glibc.log
#elseif canImport(Darwin)
  import func Darwin.log
#endif
