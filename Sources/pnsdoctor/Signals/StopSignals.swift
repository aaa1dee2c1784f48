import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a request to stop at the next safe point, for commands
/// that write the store: `import` finishes the batch it is writing, reports what it stored and
/// exits with 128 + the signal's number, as the shell would have.
///
/// The store is safe without this (each batch is one transaction); what it adds is the report
/// and a clean progress line. A command blocked where it cannot look at the request (reading a
/// pipe that stays silent) is ended by the signal's usual effect after `grace` seconds; a second
/// signal ends it at once.
final class StopSignals: @unchecked Sendable {
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  // Guarded by `lock`: set from the signal queue, read by the command's thread.
  private let lock = NSLock()
  private var received: Int32?
  private var sources: [any DispatchSourceSignal] = []

  /// The signal that asked to stop, if one has.
  var signal: Int32? { lock.withLock { received } }

  /// Whether a stop was asked for.
  var requested: Bool { signal != nil }

  /// Starts watching; the signals' usual effect is restored by `stop()`.
  init(grace: Double = 5) {
    for number in Self.handled {
      Foundation.signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.receive(number, grace: grace) }
      source.resume()
      sources.append(source)
    }
  }

  private func receive(_ number: Int32, grace: Double) {
    let first = lock.withLock { () -> Bool in
      defer { received = received ?? number }
      return received == nil
    }
    guard first else { Self.dieBy(number) }
    DispatchQueue.global().asyncAfter(deadline: .now() + grace) { Self.dieBy(number) }
  }

  /// Ends the process the way the signal would have, so that the parent sees it.
  private static func dieBy(_ number: Int32) -> Never {
    Foundation.signal(number, SIG_DFL)
    raise(number)
    _exit(128 + number)
  }

  /// Stops watching and gives the signals their usual effect back.
  func stop() {
    sources.forEach { $0.cancel() }
    for number in Self.handled { Foundation.signal(number, SIG_DFL) }
  }
}
