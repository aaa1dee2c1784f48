import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a request to stop at the next safe point, for commands
/// that write the store: `import` finishes the batch it is writing, reports what it stored and
/// exits with 128 + the signal's number, as the shell would have.
///
/// The store is safe without this (each batch is one transaction); what it adds is the report
/// and a clean progress line. A signal the process was started with ignored (`nohup`) stays
/// ignored. A command that stops checking for `grace` seconds after the request (blocked on a
/// pipe that stays silent) is ended by the signal itself, and a second signal ends it at once.
final class StopSignals: @unchecked Sendable {
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  // Guarded by `lock`: written from the signal queue and by the command's thread.
  private let lock = NSLock()
  private var received: Int32?
  private var lastCheck = Date()
  private var watchdog: DispatchWorkItem?
  private var sources: [any DispatchSourceSignal] = []
  private var previous: [Int32: sigaction] = [:]
  private let grace: Double

  /// Starts watching the signals that were not inherited as ignored.
  init(grace: Double = 10) {
    self.grace = grace
    for number in Self.handled {
      var old = sigaction()
      sigaction(number, nil, &old)
      // Started with the signal ignored (nohup, a shell's background job): leave it so.
      if Self.isIgnore(old) { continue }
      previous[number] = old
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.receive(number) }
      source.resume()
      sources.append(source)
      Foundation.signal(number, SIG_IGN)
    }
  }

  /// Whether a disposition is "ignore" (handlers are C function pointers, compared by address).
  private static func isIgnore(_ action: sigaction) -> Bool {
    guard let handler = action.__sigaction_handler.sa_handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// The signal that asked to stop, if one has. Asking counts as a check: the command is alive
  /// and will stop at its next safe point.
  var signal: Int32? {
    lock.withLock {
      lastCheck = Date()
      return received
    }
  }

  /// Whether a stop was asked for.
  var requested: Bool { signal != nil }

  private func receive(_ number: Int32) {
    let first = lock.withLock { () -> Bool in
      defer { received = received ?? number }
      return received == nil
    }
    guard first else { Self.dieBy(number) }
    scheduleWatchdog(number)
  }

  /// Ends the process by the signal unless the command checks again within `grace` seconds.
  private func scheduleWatchdog(_ number: Int32) {
    let item = DispatchWorkItem { [weak self] in
      guard let self else { return }
      let idle = self.lock.withLock { Date().timeIntervalSince(self.lastCheck) }
      if idle >= self.grace { Self.dieBy(number) }
      self.scheduleWatchdog(number)
    }
    lock.withLock { watchdog = item }
    DispatchQueue.global().asyncAfter(deadline: .now() + grace / 2, execute: item)
  }

  /// Ends the process by the signal, so that the parent sees what happened. Dispatch blocks
  /// the watched signals on its threads, so the signal is unblocked on this one first.
  private static func dieBy(_ number: Int32) -> Never {
    Foundation.signal(number, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    _exit(128 + number)
  }

  /// Stops watching, cancels a pending end, and gives the signals their former effect back.
  func stop() {
    lock.withLock {
      watchdog?.cancel()
      watchdog = nil
    }
    sources.forEach { $0.cancel() }
    for (number, old) in previous {
      var restored = old
      sigaction(number, &restored, nil)
    }
  }
}
