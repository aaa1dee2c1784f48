import Foundation

/// The signals the receiver stops on (SIGTERM, SIGINT, SIGHUP) are blocked in the main thread
/// before any other thread exists, so every thread inherits the mask and a signal always stays
/// pending until the service group's signal sources (a signalfd under Dispatch on Linux) take
/// it. Left unblocked, a signal landing on a thread while the sources have it ignored would be
/// dropped: the receiver would run on after SIGTERM. (`pnsdoctor serve` execs this program with
/// the same signals already blocked, for the same reason.)
enum ReceiverSignals {
  static func block() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }
}
