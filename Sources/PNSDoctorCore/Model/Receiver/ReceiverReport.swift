/// What the live receiver took over a span of time: pushes by kind, disposition, signature
/// and answer, the upstream's answers and latencies in tap mode, pushes per minute, and the
/// latest failures.
public struct ReceiverReport: Sendable, Equatable, Codable {
  /// One push as a report lists it.
  public struct Push: Sendable, Equatable, Codable {
    public var id: Int64
    public var receivedMs: Int64
    public var method: String
    public var path: String
    /// `Message.Kind` names of what it held (empty: nothing readable).
    public var kinds: [String]
    public var disposition: PushDisposition
    public var signature: PushSignatureCheck
    public var answeredStatus: Int
    public var reason: String?
    public var upstreamStatus: Int?
    public var upstreamMicroseconds: Int64?
    public var upstreamError: String?
  }

  /// Pushes received in one minute.
  public struct Minute: Sendable, Equatable, Codable {
    /// The minute's start, ms since 1970.
    public var startMs: Int64
    public var pushes: Int
  }

  public var pushes = 0
  /// Messages the pushes held, and how many of them were new to the store.
  public var records = 0
  public var newRecords = 0
  /// By what became of them (`PushDisposition.name`), by kind held (`Message.Kind` names,
  /// "mixed", "none"), by signature check, and by the status answered.
  public var byDisposition: [String: Int] = [:]
  public var byKind: [String: Int] = [:]
  public var bySignature: [String: Int] = [:]
  public var byAnsweredStatus: [String: Int] = [:]
  /// Tap mode: pushes forwarded, how many the upstream did not answer 200 (or at all), and its
  /// latency's median and 99th percentile in milliseconds.
  public var forwarded = 0
  public var upstreamFailures = 0
  public var upstreamP50Ms: Double?
  public var upstreamP99Ms: Double?
  public var firstPushMs: Int64?
  public var lastPushMs: Int64?
  /// The last minutes that saw pushes, oldest first (at most `minuteLimit`).
  public var minutes: [Minute] = []
  /// The latest failures, newest first (at most `failureLimit`).
  public var failures: [Push] = []

  public static let minuteLimit = 60
  public static let failureLimit = 20

  public init() {}

  /// One of the report's counts as a line shows it: `name count` pairs, the largest first
  /// (ties by name), joined by ` · `.
  public static func listing(_ counts: [String: Int]) -> String {
    counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { "\($0.key) \($0.value)" }.joined(separator: " · ")
  }
}
