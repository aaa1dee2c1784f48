public import PNSDoctorCore
import Foundation

/// Commits received pushes in groups on one thread of its own: each request hands its push
/// over and waits; the thread takes whatever waits (up to `maxGroup`), writes it in one
/// transaction, then answers every waiter. A push is answered only once its group is committed,
/// so an acknowledged push survives the process being killed; while one group commits the next
/// gathers, so a busy receiver commits hundreds of pushes per transaction without a timer.
///
/// The thread is its own because SQLite blocks: on the concurrency pool it would hold one of
/// the few threads the server's requests run on.
public final class PushCommitter: @unchecked Sendable {
  /// What the committer has done, for `/metrics` and the log.
  public struct Figures: Sendable, Equatable {
    public var groups = 0
    public var pushes = 0
    public var failedGroups = 0
    /// The largest group, and the total and longest commit time in microseconds.
    public var largestGroup = 0
    public var commitMicroseconds: Int64 = 0
    public var longestCommitMicroseconds: Int64 = 0
  }

  public typealias Outcome = Result<PushReceipt, StoreError>

  private struct Waiting {
    var push: ReceivedPush
    var answer: CheckedContinuation<Outcome, Never>
  }

  public let maxGroup: Int
  private let writer: PushWriter
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var waiting: [Waiting] = []
  private var finishing = false
  private var finished = false
  private var figures = Figures()
  private var thread: Thread?

  /// - Parameter writer: used from the committer's thread only, from `start()` on.
  public init(writer: PushWriter, maxGroup: Int = 1024) {
    self.writer = writer
    self.maxGroup = max(1, maxGroup)
  }

  /// Starts the committing thread.
  public func start() {
    let thread = Thread { [self] in run() }
    // At most 15 characters, or Linux keeps the parent's name (and perf shows no committer).
    thread.name = "pns-commit"
    self.thread = thread
    thread.start()
  }

  /// Stores `push` and returns what became of it, once committed. After `finish()` a push is
  /// refused with a store error (the server answers 503 and the platform pushes it again).
  public func commit(_ push: ReceivedPush) async -> Outcome {
    await withCheckedContinuation { continuation in
      condition.lock()
      if finishing {
        condition.unlock()
        continuation.resume(
          returning: .failure(StoreError(.database, path: writer.store.path, detail: "the receiver is stopping")))
        return
      }
      waiting.append(Waiting(push: push, answer: continuation))
      condition.signal()
      condition.unlock()
    }
  }

  /// What has been committed so far.
  public var currentFigures: Figures {
    condition.lock()
    defer { condition.unlock() }
    return figures
  }

  /// Commits what waits, then stops the thread; returns once it has stopped.
  public func finish() {
    condition.lock()
    finishing = true
    condition.broadcast()
    while !finished && thread != nil { condition.wait() }
    condition.unlock()
  }

  private func run() {
    while true {
      condition.lock()
      while waiting.isEmpty && !finishing { condition.wait() }
      if waiting.isEmpty {
        finished = true
        condition.broadcast()
        condition.unlock()
        return
      }
      let group = Array(waiting.prefix(maxGroup))
      waiting.removeFirst(group.count)
      condition.unlock()
      let started = DispatchTime.now().uptimeNanoseconds
      let outcomes: [Outcome]
      do {
        outcomes = try writer.write(group.map(\.push)).map { .success($0) }
      } catch {
        // Nothing of the group is stored: every push in it is refused, and re-pushed.
        outcomes = Array(repeating: .failure(error), count: group.count)
      }
      let micros = Int64((DispatchTime.now().uptimeNanoseconds - started) / 1000)
      condition.lock()
      figures.groups += 1
      figures.pushes += group.count
      if case .failure = outcomes.first { figures.failedGroups += 1 }
      figures.largestGroup = max(figures.largestGroup, group.count)
      figures.commitMicroseconds += micros
      figures.longestCommitMicroseconds = max(figures.longestCommitMicroseconds, micros)
      condition.unlock()
      for (waiter, outcome) in zip(group, outcomes) { waiter.answer.resume(returning: outcome) }
    }
  }
}
