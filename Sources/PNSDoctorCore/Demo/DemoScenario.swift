/// One way a demo call can go, with the codes the platform reports for it.
///
/// The codes pair a hang-up cause with the release point, Q.850 cause and SIP code that the
/// platform's tables give for the same situation; weights are per hundred calls of the modes the
/// scenario applies to, so that most calls succeed, as in real traffic.
struct DemoScenario: Sendable {
  /// How far the call got.
  enum Stage: Sendable {
    /// The call reached X and went no further (binding, control or tenant problems).
    case arrived
    /// The platform started the forwarded leg, which never rang.
    case forwarded
    /// The callee's phone rang.
    case rang
    /// The callee answered.
    case answered
  }

  var name: String
  var weight: Double
  var stage: Stage
  var stateCode: Int
  var releasePoint: Int
  var q850: Int
  var sip: Int
  /// Modes the scenario happens in; empty means all.
  var modes: Set<CallMode> = []

  static let all: [DemoScenario] = [
    DemoScenario(name: "answered", weight: 74, stage: .answered, stateCode: 0, releasePoint: 0, q850: 0, sip: 0),
    DemoScenario(name: "no answer", weight: 5, stage: .rang, stateCode: 8101, releasePoint: 8101, q850: 19, sip: 480),
    DemoScenario(
      name: "caller gave up while ringing", weight: 5, stage: .rang, stateCode: 7502, releasePoint: 7502, q850: 16,
      sip: 487),
    DemoScenario(
      name: "caller gave up before ringing", weight: 2, stage: .forwarded, stateCode: 7501, releasePoint: 7501,
      q850: 16, sip: 487),
    DemoScenario(
      name: "callee busy", weight: 3, stage: .forwarded, stateCode: 8102, releasePoint: 8102, q850: 17, sip: 486),
    DemoScenario(
      name: "callee powered off", weight: 2, stage: .forwarded, stateCode: 8104, releasePoint: 8104, q850: 20, sip: 480),
    DemoScenario(
      name: "callee rejected", weight: 2, stage: .rang, stateCode: 7504, releasePoint: 7504, q850: 21, sip: 603),
    DemoScenario(
      name: "callee number does not exist", weight: 0.5, stage: .forwarded, stateCode: 8100, releasePoint: 8100,
      q850: 1, sip: 404),
    DemoScenario(
      name: "callee suspended", weight: 0.3, stage: .forwarded, stateCode: 8105, releasePoint: 8105, q850: 20, sip: 480),
    DemoScenario(
      name: "callee unreachable", weight: 0.5, stage: .forwarded, stateCode: 8103, releasePoint: 8103, q850: 18,
      sip: 408),
    DemoScenario(
      name: "platform ringing timeout", weight: 0.5, stage: .rang, stateCode: 8035, releasePoint: 8035, q850: 102,
      sip: 408),
    DemoScenario(
      name: "AXE empty extension", weight: 6, stage: .arrived, stateCode: 8033, releasePoint: 8033, q850: 0, sip: 0,
      modes: [.axe]),
    DemoScenario(
      name: "AXE caller hung up before extension", weight: 4, stage: .arrived, stateCode: 7516, releasePoint: 7516,
      q850: 0, sip: 0, modes: [.axe]),
    DemoScenario(
      name: "AXE binding missing or expired", weight: 2, stage: .arrived, stateCode: 8022, releasePoint: 8022, q850: 0,
      sip: 0, modes: [.axe]),
    DemoScenario(
      name: "AXB binding missing", weight: 1.5, stage: .arrived, stateCode: 8014, releasePoint: 8014, q850: 0, sip: 0,
      modes: [.axb, .x]),
    DemoScenario(
      name: "AX no temporary callee", weight: 1.5, stage: .arrived, stateCode: 8013, releasePoint: 8013, q850: 0,
      sip: 0, modes: [.ax]),
    DemoScenario(
      name: "AXYB binding missing", weight: 1.5, stage: .arrived, stateCode: 8030, releasePoint: 8030, q850: 0, sip: 0,
      modes: [.axyb]),
    DemoScenario(
      name: "direction not allowed", weight: 0.3, stage: .arrived, stateCode: 8016, releasePoint: 8016, q850: 0, sip: 0,
      modes: [.ax, .axb]),
    DemoScenario(
      name: "X number unavailable", weight: 0.2, stage: .arrived, stateCode: 8055, releasePoint: 8055, q850: 0, sip: 0),
    DemoScenario(
      name: "carrier interception", weight: 0.3, stage: .forwarded, stateCode: 8059, releasePoint: 8059, q850: 21,
      sip: 403),
    DemoScenario(
      name: "caller frequency control", weight: 0.2, stage: .arrived, stateCode: 8047, releasePoint: 8047, q850: 0,
      sip: 0),
    DemoScenario(
      name: "app frequency control", weight: 0.1, stage: .arrived, stateCode: 7002, releasePoint: 7002, q850: 0, sip: 0),
    DemoScenario(
      name: "callee blacklisted", weight: 0.1, stage: .arrived, stateCode: 7004, releasePoint: 7004, q850: 0, sip: 0),
    DemoScenario(
      name: "account frozen", weight: 0.1, stage: .arrived, stateCode: 7108, releasePoint: 7108, q850: 0, sip: 0),
    DemoScenario(
      name: "callee-side network error", weight: 0.2, stage: .forwarded, stateCode: 7506, releasePoint: 7506, q850: 38,
      sip: 503),
    DemoScenario(
      name: "routing failed", weight: 0.1, stage: .forwarded, stateCode: 7508, releasePoint: 7508, q850: 3, sip: 404),
    DemoScenario(
      name: "platform voice ports exhausted", weight: 0.05, stage: .arrived, stateCode: 522, releasePoint: 522, q850: 0,
      sip: 0),
  ]

  /// The scenarios that can happen in `mode`, with their weights.
  static func choices(for mode: CallMode) -> [(DemoScenario, Double)] {
    all.filter { $0.modes.isEmpty || $0.modes.contains(mode) }.map { ($0, $0.weight) }
  }

  /// What the carrier does to a tester's burst of calls to one area: the first calls go
  /// through, then the carrier starts rejecting.
  static let carrierRejection = DemoScenario(
    name: "rejected during a test burst", weight: 0, stage: .forwarded, stateCode: 7504, releasePoint: 7504,
    q850: 21, sip: 403)
}
