/// What an import did: how many messages were read, stored, recognised as already stored, and
/// rejected, with the rejections themselves.
public struct ImportStatistics: Sendable, Equatable {
  /// Messages read successfully.
  public var read = 0
  /// Messages stored for the first time.
  public var new = 0
  /// Messages the store already held (a re-push, or the same input imported again).
  public var duplicate = 0
  /// Messages an earlier import had already stored from this same input (a repeated or
  /// resumed import, a log that has grown): recognised by the input's watermark, not counted.
  public var alreadyStored = 0
  /// Inputs recognised as imported whole before, unchanged: not read again.
  public var unchangedInputs = 0
  /// Records, or whole inputs, that could not be read.
  public var rejected = 0
  /// The first `keptIssueLimit` rejections, in the order they were met.
  public var issues: [ReadIssue] = []
  /// Inputs read.
  public var sources = 0
  /// Calls whose summary was created or brought up to date.
  public var callsUpdated = 0
  /// Calls diagnosed again at the end because a pattern rule had looked at their neighbours.
  public var patternCallsRediagnosed = 0
  /// Whether the import was asked to stop before the end of its input. What it read until
  /// then is stored whole; importing the same input again completes it.
  public var stopped = false
  /// The earliest and latest start (ms since 1970) of the calls written.
  var callSpan: ClosedRange<Int64>?

  /// How many rejections are kept in `issues`; the rest are only counted.
  public static let keptIssueLimit = 1000

  public init() {}

  mutating func reject(_ issue: ReadIssue) {
    rejected += issue.rejections
    if issues.count < Self.keptIssueLimit { issues.append(issue) }
  }

  /// Adds another import's figures to these.
  public mutating func merge(_ other: ImportStatistics) {
    read += other.read
    new += other.new
    duplicate += other.duplicate
    alreadyStored += other.alreadyStored
    unchangedInputs += other.unchangedInputs
    sources += other.sources
    callsUpdated += other.callsUpdated
    patternCallsRediagnosed += other.patternCallsRediagnosed
    stopped = stopped || other.stopped
    rejected += other.rejected
    issues += other.issues.prefix(max(0, Self.keptIssueLimit - issues.count))
  }
}
