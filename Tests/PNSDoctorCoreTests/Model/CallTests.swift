import Testing

@testable import PNSDoctorCore

@Suite("Call: joining events and the CDR")
struct CallTests {
  private func event(_ type: CallEventType, _ time: String, stateCode: Int? = nil, called: String? = nil) -> CallEvent {
    CallEvent(eventType: type, sessionId: "s", timestamp: Timestamp.parse(time), called: called, stateCode: stateCode)
  }

  @Test func eventsAreOrderedByTimeThenByLifecycle() {
    let call = Call(
      sessionId: "s",
      events: [
        event(.disconnect, "2024-01-01 00:00:09", stateCode: 0), event(.answer, "2024-01-01 00:00:05"),
        event(.alerting, "2024-01-01 00:00:02"), event(.callOut, "2024-01-01 00:00:01"),
        event(.callIn, "2024-01-01 00:00:01"),
      ], detailRecord: nil)
    #expect(call.events.compactMap(\.eventType) == [.callIn, .callOut, .alerting, .answer, .disconnect])
    #expect(call.outcome == .answered)
    #expect(call.ringSeconds == 3)
    #expect(call.talkSeconds == 4)
  }

  @Test func outcomeWithoutACDR() {
    #expect(
      Call(sessionId: "s", events: [event(.callIn, "2024-01-01 00:00:01")], detailRecord: nil).outcome == .inProgress)
    let failed = Call(
      sessionId: "s",
      events: [event(.callIn, "2024-01-01 00:00:01"), event(.disconnect, "2024-01-01 00:00:03", stateCode: 8104)],
      detailRecord: nil)
    #expect(failed.outcome == .failed)
    #expect(failed.stateCode == 8104)
  }

  @Test func modeComesFromServiceTypeAndEvents() {
    func mode(_ serviceType: String?, subscription: String? = nil, events: [CallEvent] = []) -> CallMode {
      var record = CallDetailRecord(sessionId: "s")
      record.serviceType = serviceType
      record.subscriptionId = subscription
      return Call(sessionId: "s", events: events, detailRecord: serviceType == nil ? nil : record).mode
    }
    #expect(mode("003") == .ax)
    #expect(mode("005") == .axe)
    #expect(mode("007") == .axyb)
    #expect(mode("004") == .axbOrX)
    #expect(mode("004", subscription: "b-1") == .axb)
    #expect(mode("002") == .unknown)
    #expect(mode(nil, events: [event(.collectInfo, "2024-01-01 00:00:01")]) == .axe)
    var xDisconnect = event(.disconnect, "2024-01-01 00:00:01", stateCode: 0)
    xDisconnect.callReleaseDirection = 2
    #expect(mode("004", events: [xDisconnect]) == .x)
    #expect(mode(nil) == .unknown)
  }

  @Test func numbersPreferTheCDR() {
    var record = CallDetailRecord(sessionId: "s")
    record.callerNumber = "+8610000000001"
    record.bindNumber = "+8612000000001"
    record.forwardDestinationNumber = "+8610100000002"
    let call = Call(
      sessionId: "s", events: [event(.callOut, "2024-01-01 00:00:01", called: "+8610999999999")], detailRecord: record)
    #expect(call.caller == "+8610000000001")
    #expect(call.callee == "+8610100000002")
    #expect(call.privacyNumber == "+8612000000001")
    #expect(call.outcome == .failed)
  }
}
