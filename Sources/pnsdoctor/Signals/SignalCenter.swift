import Dispatch
import Foundation

/// Receives SIGINT, SIGTERM and SIGHUP for the whole run, so that none is ever lost.
///
/// `start()`, the first thing `main` does, blocks the three signals in the main thread before
/// any other thread exists; every thread inherits the mask, so a signal can never land on a
/// thread that would drop it and always stays pending until Dispatch's signal sources (a
/// signalfd on Linux) take it. Earlier, the sources were made with the signals ignored, and a
/// signal delivered to a thread that did not block it was discarded: 4 imports in 10 ran on
/// after SIGTERM.
///
/// While a command listens (`listen`), signals go to it: `import` stops at its next safe point,
/// the TUI restores the terminal. With nobody listening a signal does what it would have done
/// unhandled: the process ends by it, which the shell shows as 128 + its number.
/// A signal the program was started with ignored (`nohup`) is left ignored.
enum SignalCenter {
  /// The signals handled.
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  private static let state = SignalState()

  /// Blocks and watches the handled signals. Call once, before any thread is started.
  static func start() {
    var set = sigset_t()
    sigemptyset(&set)
    var watched: [Int32] = []
    for number in handled {
      var current = sigaction()
      sigaction(number, nil, &current)
      if isIgnore(current) { continue }
      sigaddset(&set, number)
      watched.append(number)
    }
    pthread_sigmask(SIG_BLOCK, &set, nil)
    state.keep(
      watched.map { number in
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { deliver(number) }
        source.resume()
        return source
      })
  }

  /// Sends every handled signal to `handler` until the returned listening is ended (or
  /// released). The most recent listener hears it.
  static func listen(_ handler: @escaping @Sendable (Int32) -> Void) -> Listening {
    Listening(id: state.add(handler))
  }

  /// A registration made by `listen`.
  final class Listening: Sendable {
    private let id: Int

    fileprivate init(id: Int) { self.id = id }

    /// Stops listening; later signals end the process again.
    func end() { SignalCenter.state.remove(id) }

    deinit { end() }
  }

  /// Ends the process by `number`, so that the parent sees what happened: the default action
  /// restored and the signal unblocked on this thread, then raised on it.
  static func dieBy(_ number: Int32) -> Never {
    Foundation.signal(number, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    _exit(128 + number)
  }

  private static func deliver(_ number: Int32) {
    guard let handler = state.current else { dieBy(number) }
    handler(number)
  }

  /// Whether a disposition is "ignore" (handlers are C function pointers, compared by address).
  private static func isIgnore(_ action: sigaction) -> Bool {
    guard let handler = action.__sigaction_handler.sa_handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}

/// The listeners and sources, behind a lock (signals arrive on Dispatch's threads).
private final class SignalState: @unchecked Sendable {
  private let lock = NSLock()
  private var listeners: [(id: Int, handler: @Sendable (Int32) -> Void)] = []
  private var nextId = 0
  private var sources: [any DispatchSourceSignal] = []

  func keep(_ made: [any DispatchSourceSignal]) { lock.withLock { sources = made } }

  func add(_ handler: @escaping @Sendable (Int32) -> Void) -> Int {
    lock.withLock {
      nextId += 1
      listeners.append((nextId, handler))
      return nextId
    }
  }

  func remove(_ id: Int) { lock.withLock { listeners.removeAll { $0.id == id } } }

  var current: (@Sendable (Int32) -> Void)? { lock.withLock { listeners.last?.handler } }
}
