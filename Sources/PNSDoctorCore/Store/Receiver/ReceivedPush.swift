/// One HTTP request the receiver took, as it hands it to the store: when, how, what its
/// signature check found, its body read into records (on the request's own task, so that the
/// store's single writer only writes), and what the customer's receiver answered in tap mode.
public struct ReceivedPush: Sendable {
  /// What the receiver's upstream (the customer's real receiver, in tap mode) answered.
  public struct UpstreamAnswer: Sendable, Equatable {
    /// Its HTTP status; nil when no answer came (refused, timed out, reset).
    public var status: Int?
    /// From forwarding to its last byte (or to the failure), in microseconds.
    public var microseconds: Int64
    /// Why no answer came (English, no secret); nil when one came.
    public var error: String?
    /// Whether it failed by taking too long (answered 504), not by being unreachable (502).
    public var timedOut: Bool

    public init(status: Int?, microseconds: Int64, error: String?, timedOut: Bool = false) {
      self.status = status
      self.microseconds = microseconds
      self.error = error
      self.timedOut = timedOut
    }

    /// The status the platform is answered: the upstream's own, or 504/502 when none came.
    public var relayedStatus: Int { status ?? (timedOut ? 504 : 502) }
  }

  /// Milliseconds since 1970, on the receiver's clock.
  public var receivedMs: Int64
  public var method: String
  /// The request's path (the platform pushes to whatever URL the app set: `/status`, `/fee`…).
  public var path: String
  /// The body as received (for a refused one, what was read of it before the refusal).
  public var body: [UInt8]
  /// The body's full size when known, which a refused one may exceed `body.count`.
  public var bodyBytes: Int
  public var signature: PushSignatureCheck
  /// The app key the signature named (not secret); nil when unsigned or unreadable.
  public var appKey: String?
  /// Set when the receiver refused the push before reading it (wrong method, too large,
  /// signature required): nothing in it is stored but the push itself.
  public var refusal: PushDisposition?
  public var upstream: UpstreamAnswer?
  /// The records read from the body, and what could not be read.
  public private(set) var records: [ReadRecord] = []
  public private(set) var issues: [ReadIssue] = []

  /// Reads `body` (unless the push is refused) as `import` reads an input: any of the shapes it
  /// knows, one push or several.
  public init(
    receivedMs: Int64, method: String, path: String, body: [UInt8], bodyBytes: Int? = nil,
    signature: PushSignatureCheck, appKey: String? = nil, refusal: PushDisposition? = nil,
    upstream: UpstreamAnswer? = nil
  ) {
    self.receivedMs = receivedMs
    self.method = method
    self.path = path
    self.body = body
    self.bodyBytes = bodyBytes ?? body.count
    self.signature = signature
    self.appKey = appKey
    self.refusal = refusal
    self.upstream = upstream
    guard refusal == nil else { return }
    // Read in one chunk the size of the body: the default chunk (4 MiB, for files) would be
    // allocated for every push.
    var reader = InputReader(source: InMemoryByteSource(name: "push", bytes: body), chunkSize: max(4096, body.count + 1))
    (records, issues) = reader.readAll()
  }

  /// What the store will make of it: refused, stored whole, partly read, or unreadable.
  public var disposition: PushDisposition {
    if let refusal { return refusal }
    if records.isEmpty { return .unreadable }
    return issues.isEmpty ? .stored : .partlyRead
  }

  /// Why something in it could not be read (the first problem, English), or why it was refused.
  public var reason: String? {
    if let refusal {
      switch refusal {
      case .wrongMethod: return "method \(method) is not POST"
      case .tooLarge: return "body of \(bodyBytes) bytes is over the receiver's limit"
      case .signatureRefused: return "signature \(signature.name), and the receiver requires one"
      default: return nil
      }
    }
    if records.isEmpty && issues.isEmpty { return "empty body" }
    return issues.first.map { $0.message(in: .english) }
  }

  /// The kinds of message it held.
  public var kinds: Set<Message.Kind> { Set(records.map(\.message.kind)) }
}
