import Prometheus
import PNSDoctorCore
import PNSDoctorReceiver

/// The receiver's Prometheus metrics (`/metrics`): pushes by kind and outcome, commit latency,
/// and the upstream's latency in tap mode.
final class ReceiverMetrics: Sendable {
  let registry = PrometheusCollectorRegistry()
  private let commit: DurationHistogram
  private let upstream: DurationHistogram
  private let committer: PushCommitter

  init(committer: PushCommitter) {
    self.committer = committer
    let buckets: [Duration] = [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
      .milliseconds(10), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1),
      .seconds(5)]
    commit = registry.makeDurationHistogram(
      descriptor: Self.name("push_commit", unit: "seconds", "Time from a push handed to the committer to its group committed in the store."),
      buckets: buckets)
    upstream = registry.makeDurationHistogram(
      descriptor: Self.name("upstream", unit: "seconds", "Time the customer's receiver took to answer a forwarded push."),
      buckets: buckets)
  }

  /// Counts one push answered: its kind (`event`, `cdr`, `sms`, `mixed`, `none`), what became of
  /// it, and its signature check.
  func count(kinds: Set<Message.Kind>, disposition: PushDisposition?, signature: PushSignatureCheck, status: Int) {
    registry.makeCounter(
      descriptor: Self.name("pushes", unit: "total", "Pushes the receiver answered."),
      labels: [
        ("kind", Message.Kind.shortName(of: kinds)), ("outcome", disposition?.name ?? "store-failed"),
        ("signature", signature.name), ("status", String(status)),
      ]
    ).increment()
  }

  func recordCommit(nanoseconds: Int64) { commit.recordNanoseconds(nanoseconds) }
  func recordUpstream(nanoseconds: Int64) { upstream.recordNanoseconds(nanoseconds) }

  /// The exposition text, with the committer's group figures as gauges.
  func exposition() -> [UInt8] {
    let figures = committer.currentFigures
    registry.makeGauge(descriptor: Self.name("commit_groups", unit: "total", "Groups committed."))
      .set(Double(figures.groups))
    registry.makeGauge(descriptor: Self.name("commit_largest_group", unit: "pushes", "Pushes in the largest group committed."))
      .set(Double(figures.largestGroup))
    registry.makeGauge(
      descriptor: Self.name("commit_failed_groups", unit: "total", "Groups the store refused (their pushes got 503).")
    ).set(Double(figures.failedGroups))
    return registry.emitToBuffer()
  }

  private static func name(_ metric: String, unit: String, _ help: String) -> MetricNameDescriptor {
    MetricNameDescriptor(namespace: "pnsdoctor", metricName: metric, unitName: unit, helpText: help)
  }

}
