import Foundation

/// Reads an input on a thread of its own and hands over its records in batches, so that parsing
/// the next batch overlaps with storing this one (the machine has more than one core; an
/// import is otherwise parse, then write, then parse).
///
/// At most two batches wait at any time, so memory stays bounded by the batch size.
final class BackgroundRecordReader: @unchecked Sendable {
  /// What the reading thread hands over, in input order.
  enum Delivery {
    /// Records, with the issues met among them and the bytes read after them.
    case batch(records: [ReadRecord], issues: [ReadIssue], bytesRead: Int)
    /// The input failed (an I/O error); nothing follows.
    case failed(ReadIssue)
    case end
  }

  private let condition = NSCondition()
  private var waiting: [Delivery] = []
  private var stopped = false
  private var finished = false
  private let capacity = 2

  /// Starts reading `reader` (already past its head) on a new thread.
  init<Source: ByteSource>(_ reader: InputReader<Source>, batchSize: Int) {
    // The reader is used by the reading thread alone from here on.
    nonisolated(unsafe) var owned = reader
    let thread = Thread { [self] in
      var records: [ReadRecord] = []
      var issues: [ReadIssue] = []
      records.reserveCapacity(batchSize)
      do throws(ReadIssue) {
        while !isStopped, let item = try owned.next() {
          switch item {
          case .issue(let issue): issues.append(issue)
          case .record(let record): records.append(record)
          }
          if records.count >= batchSize {
            guard hand(.batch(records: records, issues: issues, bytesRead: owned.bytesRead)) else {
              finish()
              return
            }
            records.removeAll(keepingCapacity: true)
            issues.removeAll()
          }
        }
        _ = hand(.batch(records: records, issues: issues, bytesRead: owned.bytesRead))
        _ = hand(.end)
      } catch {
        _ = hand(.batch(records: records, issues: issues, bytesRead: owned.bytesRead))
        _ = hand(.failed(error))
      }
      finish()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The next delivery, waiting for the reading thread when it is behind.
  func next() -> Delivery {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty { condition.wait() }
    let delivery = waiting.removeFirst()
    condition.broadcast()
    return delivery
  }

  /// Tells the reading thread to stop, and waits until it has: it stops after the record it is
  /// reading (a read that waits for more input, on a pipe, ends first).
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    condition.broadcast()
    while !finished { condition.wait() }
  }

  /// Queues a delivery, waiting while two are queued; false once stopped.
  private func hand(_ delivery: Delivery) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity && !stopped { condition.wait() }
    guard !stopped else { return false }
    waiting.append(delivery)
    condition.broadcast()
    return true
  }

  private var isStopped: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopped
  }

  private func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }
}
