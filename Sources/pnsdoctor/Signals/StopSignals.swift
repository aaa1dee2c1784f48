import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a request to stop at the next safe point, for commands
/// that write the store: `import` finishes the batch it is writing, reports what it stored and
/// exits with 128 + the signal's number, as the shell would have.
///
/// The store is safe without this (each batch is one transaction); what it adds is the report
/// and a clean progress line. The signals come from `SignalCenter`, which loses none. A
/// command that does not check again within `grace` seconds of the request (a batch stuck on
/// a slow disk) says `farewell` and is ended by the signal itself; a second signal ends it at
/// once.
final class StopSignals: @unchecked Sendable {
  // Guarded by `lock`: written from the signal queue and by the command's threads.
  private let lock = NSLock()
  private var received: Int32?
  private var lastCheck = Date()
  private var watchdog: DispatchWorkItem?
  private var listening: SignalCenter.Listening?
  private let grace: Double
  private let farewell: @Sendable (Int32) -> Void

  /// Starts listening.
  /// - Parameter farewell: what to say before the process ends by the signal because the
  ///   command did not stop in time.
  init(grace: Double = 1, farewell: @escaping @Sendable (Int32) -> Void = { _ in }) {
    self.grace = grace
    self.farewell = farewell
    listening = SignalCenter.listen { [weak self] number in self?.receive(number) }
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
      // The grace runs from the signal, whatever the last check was.
      if received == nil { lastCheck = Date() }
      return received == nil
    }
    guard first else { SignalCenter.dieBy(number) }
    scheduleWatchdog(number)
  }

  /// Ends the process by the signal unless the command checks again within `grace` seconds.
  private func scheduleWatchdog(_ number: Int32) {
    let item = DispatchWorkItem { [weak self] in
      guard let self else { return }
      let idle = self.lock.withLock { Date().timeIntervalSince(self.lastCheck) }
      if idle >= self.grace {
        self.farewell(number)
        SignalCenter.dieBy(number)
      }
      self.scheduleWatchdog(number)
    }
    lock.withLock { watchdog = item }
    DispatchQueue.global().asyncAfter(deadline: .now() + grace / 2, execute: item)
  }

  /// Stops listening and cancels a pending end: signals end the process again.
  func stop() {
    let ending = lock.withLock { () -> SignalCenter.Listening? in
      watchdog?.cancel()
      watchdog = nil
      defer { listening = nil }
      return listening
    }
    ending?.end()
  }
}
