/// Calls related to one call: the same caller, callee or X number within an hour of it, the
/// first place to look when one call fails (did the same caller fail a minute before, was the
/// X number failing for everybody, did the callee answer a retry?).
public struct RelatedCalls: Sendable {
  /// One related call and what it shares with the call.
  public struct Entry: Sendable, Equatable {
    public var summary: CallSummary
    public var sharesCaller: Bool
    public var sharesCallee: Bool
    public var sharesPrivacyNumber: Bool
    /// Seconds from the call's start to this one's (negative: before it).
    public var offsetSeconds: Double?
  }

  public let store: any CallStoreReading
  /// How far before and after the call to look, in seconds.
  public var window: Double = 3_600
  /// The most entries returned, the nearest in time first.
  public var limit = 9

  public init(store: any CallStoreReading) {
    self.store = store
  }

  /// The calls related to `call`, nearest in time first, the call itself left out.
  public func entries(for call: Call) throws(StoreError) -> [Entry] {
    guard let start = call.startTime else { return [] }
    let numbers = [call.caller, call.callee, call.privacyNumber].compactMap { number -> String? in
      guard let number, CallQuery.wholeNumber(number) != nil else { return nil }
      return number
    }
    var found: [Int64: CallSummary] = [:]
    let milliseconds = Int64(window * 1000)
    for number in Set(numbers) {
      var query = CallQuery()
      query.number = number
      query.since = Timestamp(millisecondsSince1970: start.millisecondsSince1970 - milliseconds)
      query.until = Timestamp(millisecondsSince1970: start.millisecondsSince1970 + milliseconds)
      // Enough of each number's calls that the nearest ones of all three are among them.
      query.limit = limit * 4
      for summary in try store.calls(matching: query) where summary.sessionId != call.sessionId {
        found[summary.rowId] = summary
      }
    }
    func same(_ a: String?, _ b: String?) -> Bool {
      guard let a, let b else { return false }
      return PhoneNumber.normalize(a) == PhoneNumber.normalize(b)
    }
    return found.values.map { summary in
      Entry(
        summary: summary,
        sharesCaller: same(summary.caller, call.caller) || same(summary.callee, call.caller),
        sharesCallee: same(summary.callee, call.callee) || same(summary.caller, call.callee),
        sharesPrivacyNumber: same(summary.privacyNumber, call.privacyNumber),
        offsetSeconds: summary.startTime.map { start.seconds(until: $0) })
    }
    .sorted {
      let (a, b) = (abs($0.offsetSeconds ?? .infinity), abs($1.offsetSeconds ?? .infinity))
      return a != b ? a < b : $0.summary.rowId < $1.summary.rowId
    }
    .prefix(limit).map { $0 }
  }
}
