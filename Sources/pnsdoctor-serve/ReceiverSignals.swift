import Foundation

/// The signals the receiver stops on. Started by `pnsdoctor serve`, it inherits a mask that
/// blocks them (pnsdoctor blocks them for its own signal sources, and a mask survives exec):
/// they are unblocked first, so that the service group's handlers see them.
enum ReceiverSignals {
  static func unblock() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}
