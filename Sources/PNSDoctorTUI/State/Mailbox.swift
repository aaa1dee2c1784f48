import Foundation

/// Actions coming back from the work queue and from signal handlers, handed to the UI thread.
final class Mailbox: @unchecked Sendable {
  // Guarded by `lock`: written from the work queue and signal sources, read by the UI loop.
  private var pending: [Action] = []
  private let lock = NSLock()

  func post(_ action: Action) {
    lock.lock()
    pending.append(action)
    lock.unlock()
  }

  func drain() -> [Action] {
    lock.lock()
    defer { lock.unlock() }
    let actions = pending
    pending.removeAll()
    return actions
  }
}
