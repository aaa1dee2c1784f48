import Foundation
import Testing

@testable import PNSDoctorCore

/// The platform's published samples and real payloads from public code (platform-facts.md
/// §1.3, §3.4, §4.5 and §8), stored as fixtures, must read to exactly these typed values.
@Suite("Reference samples")
struct ReferenceSampleTests {
  private func time(_ text: String) throws -> Timestamp { try IngestHarness.time(text) }

  @Test("The fixtures folder is found in the test bundle and holds every sample")
  func fixturesArePresent() throws {
    let folder = try IngestHarness.fixturesFolder()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    for expected in [
      "call-event-official.json", "cdr-official.http", "sms-notify-official.http", "sms-block-official.http",
      "failed-cdr-python-repr.py", "axb-cdr-real.json", "ax-disconnect-event.json",
      "voicecall-cdr-two-spaces.json", "voicecall-answer-two-spaces.json",
    ] {
      #expect(names.contains(expected), "missing fixture \(expected)")
    }
  }

  @Test("No fixture holds an unmasked mainland mobile number")
  func fixturesHoldNoRealNumbers() throws {
    let folder = try IngestHarness.fixturesFolder()
    let pattern = try NSRegularExpression(pattern: #"\+861[3-9][0-9]{9}"#)
    // Every file, the bad-input corpus included (some of it is not UTF-8 on purpose).
    let names = FileManager.default.subpaths(atPath: folder.path) ?? []
    #expect(names.contains("bad-input/expected.json"))
    for name in names {
      var isFolder: ObjCBool = false
      let path = folder.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      let range = NSRange(text.startIndex..., in: text)
      #expect(pattern.firstMatch(in: text, range: range) == nil, "\(name) holds a real-looking number")
    }
  }

  @Test("Reading a sample from its file gives the same records, named after the path")
  func fileDescriptorSourceMatchesMemory() throws {
    let fromFile = try IngestHarness.readFixtureFile("cdr-official.http")
    let fromMemory = try IngestHarness.readFixture("cdr-official.http")
    #expect(fromFile.issues.isEmpty)
    #expect(fromFile.messages == fromMemory.messages)
    let record = try #require(fromFile.records.first)
    #expect(record.location.source.hasSuffix("Fixtures/cdr-official.http"))
    #expect(record.location.line == 3)
  }

  @Test("Official call event sample (§1.3): a disconnect with stateCode 0")
  func officialCallEvent() throws {
    let outcome = try IngestHarness.readFixture("call-event-official.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["call event"])
    let event = try #require(outcome.callEvents.first)
    #expect(event.eventType == .disconnect)
    #expect(event.eventTypeInferred == false)
    #expect(event.sessionId == "1202_1051_4294967295_20190124070250@callenabler246.huaweicaas.com")
    #expect(event.timestamp == (try time("2019-01-24 07:03:28")))
    #expect(event.caller == "+86138****0022")
    #expect(event.called == "+86138****7021")
    #expect(event.stateCode == 0)
    #expect(event.stateDescription == "The user releases the call.")
    #expect(event.subscriptionId == "********")
    #expect(event.userData == nil)
    #expect(event.otherFields.isEmpty)
    let record = try #require(outcome.records.first)
    #expect(record.location.line == 1 && record.location.column == 1)
    #expect(record.ordinal == 0)
  }

  @Test("Official CDR sample (§3.4), as the HTTP dump it is shown as")
  func officialDetailRecord() throws {
    let outcome = try IngestHarness.readFixture("cdr-official.http")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["CDR"])
    let cdr = try #require(outcome.detailRecords.first)
    #expect(cdr.sessionId == "1200_1827_4294967295_20190124023003@callenabler246.huaweicaas.com")
    #expect(cdr.direction == 1)
    #expect(cdr.spId == "****")
    #expect(cdr.appKey == "****")
    #expect(cdr.icid == "ba171f34e6953fcd751edc77127748f4.3757285803.338666679.5")
    #expect(cdr.bindNumber == "+86138****0022")
    #expect(cdr.subscriptionId == "****")
    #expect(cdr.callerNumber == "+86138****0021")
    #expect(cdr.calleeNumber == "+86138****0022")
    #expect(cdr.forwardDisplayNumber == "+86138****0022")
    #expect(cdr.forwardDestinationNumber == "+86138****7021")
    #expect(cdr.callInTime == (try time("2019-01-24 02:30:03")))
    #expect(cdr.forwardStartTime == (try time("2019-01-24 02:30:03")))
    #expect(cdr.forwardAlertingTime == (try time("2019-01-24 02:30:04")))
    #expect(cdr.forwardAnswerTime == (try time("2019-01-24 02:30:06")))
    #expect(cdr.callEndTime == (try time("2019-01-24 02:30:22")))
    #expect(cdr.failTime == nil)
    #expect(cdr.forwardUnansweredReason == 0)
    #expect(cdr.releasePoint == 0)
    #expect(cdr.sipStatusCode == 0)
    #expect(cdr.callOutUnansweredReason == 0)
    #expect(cdr.recordFlag == 1)
    #expect(cdr.recordStartTime == (try time("2019-01-24 02:30:06")))
    #expect(cdr.recordDomain == "****.com")
    #expect(cdr.recordBucketName == "****")
    #expect(cdr.recordObjectName == "****.wav")
    #expect(cdr.ttsPlayTimes == 0)
    #expect(cdr.ttsTransDuration == 0)
    #expect(cdr.mptyId == "****")
    #expect(cdr.serviceType == "003")
    #expect(cdr.hostName == "callenabler246.huaweicaas.com")
    #expect(cdr.voiceCheckType == nil)
    #expect(cdr.wasAnswered)
    #expect(cdr.otherFields.isEmpty, "every field of the official sample is a known one")
    // The body starts on line 3, after the request line and one header.
    let record = try #require(outcome.records.first)
    #expect(record.location.line == 3 && record.location.column == 1)
    #expect(record.raw.objectValue?["sessionId"] == .string(cdr.sessionId), "raw is the record, not its batch")
  }

  @Test("Official SMS Notify sample (§4.5): sendResult 2, event name kept with its trailing space")
  func officialNotifySMS() throws {
    let outcome = try IngestHarness.readFixture("sms-notify-official.http")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["SMS notification"])
    let sms = try #require(outcome.smsNotifications.first)
    #expect(sms.appKey == "****")
    #expect(sms.smsIdentifier == "********")
    #expect(sms.mode == .notify)
    #expect(sms.calling == "+86138****0001")
    #expect(sms.called == nil)
    #expect(sms.virtualNumber == "+86138****0000")
    #expect(sms.event == "Text SMS ")
    #expect(sms.timestamp == (try time("2020-12-23T09:06:16.450Z")))
    #expect(sms.timestamp?.millisecondsSince1970 == 1_608_714_376_450)
    #expect(sms.extensionParameters.map(\.key) == ["splitNum", "direction"])
    #expect(sms.extensionParameters.map(\.value) == ["0", "2"])
    #expect(sms.extensionParameter("direction") == "2")
    #expect(sms.sendResult == 2)
    #expect(sms.otherFields.isEmpty)
    #expect(outcome.records.first?.location.line == 2)
  }

  @Test("Official SMS Block sample (§4.5): sendResult 0, two extParas")
  func officialBlockSMS() throws {
    let outcome = try IngestHarness.readFixture("sms-block-official.http")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["SMS notification"])
    let sms = try #require(outcome.smsNotifications.first)
    #expect(sms.appKey == "****")
    #expect(sms.smsIdentifier == "****")
    #expect(sms.mode == .block)
    #expect(sms.calling == "+86138****0001")
    #expect(sms.virtualNumber == "+86138****0000")
    #expect(sms.event == "TextSMS")
    #expect(sms.timestamp == (try time("2018-09-13 09:46:16.023")))
    #expect(sms.extensionParameter("splitNum") == "2")
    #expect(sms.extensionParameter("direction") == "1")
    #expect(sms.extensionParameters.count == 2)
    #expect(sms.sendResult == 0)
  }

  @Test("§8 item 1: a failed click-to-call CDR as a Python dict repr (ulFailReason 518, SIP 480)")
  func pythonReprFailedCall() throws {
    let outcome = try IngestHarness.readFixture("failed-cdr-python-repr.py")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["CDR"])
    let cdr = try #require(outcome.detailRecords.first)
    #expect(cdr.sessionId == "1201_8658_4294967295_20181018055430@callenabler245.huaweicaas.com")
    #expect(cdr.direction == 0)
    #expect(cdr.spId == "CaaS_Test_01")
    #expect(cdr.icid == "CAE-20181018135430-12016920")
    #expect(cdr.bindNumber == "+8610000002657")
    #expect(cdr.callerNumber == "+8610096520")
    #expect(cdr.calleeNumber == "+86136****0340")
    #expect(cdr.forwardDestinationNumber == "+86132****2595")
    #expect(cdr.callInTime == nil)
    #expect(cdr.forwardStartTime == (try time("2018-10-18 05:54:51")))
    #expect(cdr.forwardAlertingTime == (try time("2018-10-18 05:54:52")))
    #expect(cdr.forwardAnswerTime == nil)
    #expect(cdr.wasAnswered == false)
    #expect(cdr.callEndTime == (try time("2018-10-18 05:54:53")))
    #expect(cdr.failTime == (try time("2018-10-18 05:54:53")))
    #expect(cdr.forwardUnansweredReason == 0)
    #expect(cdr.releasePoint == 518)
    #expect(cdr.sipStatusCode == 480)
    #expect(cdr.callOutStartTime == (try time("2018-10-18 05:54:30")))
    #expect(cdr.callOutAlertingTime == (try time("2018-10-18 05:54:36")))
    #expect(cdr.callOutAnswerTime == (try time("2018-10-18 05:54:51")))
    #expect(cdr.callOutUnansweredReason == 0)
    #expect(cdr.recordFlag == 0)
    #expect(cdr.serviceType == "002")
    #expect(cdr.hostName == "callenabler245.huaweicaas.com")
    #expect(cdr.userData == "demo-user")
    #expect(cdr.otherFields.isEmpty)
    // `result = {` : the dict starts at column 10 of line 1, and raw is normalised JSON.
    let record = try #require(outcome.records.first)
    #expect(record.location.line == 1 && record.location.column == 10)
    #expect(record.raw.objectValue?["ulFailReason"] == .number("518"))
  }

  @Test("§8 item 2: a real 2022 AXB CDR keeps voiceCheckType and the new sessionId form")
  func realAXBDetailRecord() throws {
    let outcome = try IngestHarness.readFixture("axb-cdr-real.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["CDR"])
    let cdr = try #require(outcome.detailRecords.first)
    #expect(cdr.sessionId == "+86134****7762_+86150****2131_4_627e5c1f_963036_669_1_0")
    #expect(cdr.direction == 1)
    #expect(cdr.spId == "demo_sp_pv")
    #expect(cdr.subscriptionId == "c1564552-844a-4048-9ac7-d4f5944543fc")
    #expect(cdr.mptyId == cdr.subscriptionId)
    #expect(cdr.bindNumber == "+86170****4375")
    #expect(cdr.callerNumber == "+86150****2131")
    #expect(cdr.forwardDestinationNumber == "+86186****2935")
    #expect(cdr.callInTime == (try time("2022-05-13 05:24:57")))
    #expect(cdr.forwardStartTime == (try time("2022-05-13 05:24:58")))
    #expect(cdr.forwardAlertingTime == (try time("2022-05-13 05:25:01")))
    #expect(cdr.forwardAnswerTime == (try time("2022-05-13 05:25:18")))
    #expect(cdr.callEndTime == (try time("2022-05-13 05:25:41")))
    #expect(cdr.recordFlag == 1)
    #expect(cdr.recordStartTime == (try time("2022-05-13 05:25:18")))
    #expect(cdr.recordDomain == "ostorQH2.huawei.com")
    #expect(cdr.recordObjectName == "22051313251812007961340.wav")
    #expect(cdr.voiceCheckType == 0)
    #expect(cdr.serviceType == "004")
    #expect(cdr.hostName == "qhats01.huaweicaas.com")
    #expect(cdr.releasePoint == 0)
    #expect(cdr.otherFields.isEmpty)
  }

  @Test("§8 item 3: the AX disconnect event, pretty-printed, is one event and not two")
  func axDisconnectEvent() throws {
    let outcome = try IngestHarness.readFixture("ax-disconnect-event.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["call event"])
    let event = try #require(outcome.callEvents.first)
    #expect(event.eventType == .disconnect)
    #expect(event.sessionId == "1200_1827_4294967295_20190124023003@callenabler246.huaweicaas.com")
    #expect(event.timestamp == (try time("2019-01-24 02:30:22")))
    #expect(event.caller == "+86138****0022")
    #expect(event.called == "+86138****7021")
    #expect(event.stateCode == 0)
    #expect(event.stateDescription == "The user releases the call.")
    #expect(event.subscriptionId == "1d39eaef-9279-4d18-b806-72e43ab3f85c")
  }

  @Test("§8 item 4: two identical CDRs with two spaces between date and time, unknown field kept")
  func voiceCallDetailRecordsWithTwoSpaces() throws {
    let outcome = try IngestHarness.readFixture("voicecall-cdr-two-spaces.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["CDR", "CDR"])
    #expect(outcome.records.map(\.ordinal) == [0, 1])
    #expect(outcome.records.map(\.offset) == [0, 0], "both come from the same push")
    let first = try #require(outcome.detailRecords.first)
    #expect(outcome.detailRecords.last == first)
    #expect(first.sessionId == "1200_366_0_20161228102743@callenabler.home1.com")
    #expect(first.spId == "dial010314322991")
    #expect(first.direction == 0)
    #expect(first.callOutStartTime == (try time("2016-12-26 01:16:20")))
    #expect(first.callOutAlertingTime == (try time("2016-12-26 01:16:26")))
    #expect(first.callOutAnswerTime == (try time("2016-12-26 01:16:31")))
    #expect(first.forwardStartTime == (try time("2016-12-26 01:16:32")))
    // Kept as sent, though it is later than the answer: the tool must not "fix" data.
    #expect(first.forwardAlertingTime == (try time("2018-04-26 01:16:38")))
    #expect(first.forwardAnswerTime == (try time("2016-12-26 01:16:45")))
    #expect(first.callEndTime == (try time("2016-12-26 01:19:46")))
    #expect(first.bindNumber == "+8610055660000")
    #expect(first.forwardDestinationNumber == "+8610055880001")
    #expect(first.serviceType == nil)
    #expect(first.otherFields == [JSONObject.Member(key: "endToEndID", value: .number("543207693"))])
  }

  @Test("§8 item 4: the answer event with two spaces in its timestamp")
  func voiceCallAnswerWithTwoSpaces() throws {
    let outcome = try IngestHarness.readFixture("voicecall-answer-two-spaces.json")
    #expect(outcome.issues.isEmpty)
    #expect(outcome.kinds == ["call event"])
    let event = try #require(outcome.callEvents.first)
    #expect(event.eventType == .answer)
    #expect(event.sessionId == "1200_366_0_20161228102743@callenabler.home1.com")
    #expect(event.timestamp == (try time("2018-04-09 10:57:42")))
    #expect(event.userData == "cwgtest")
    #expect(event.stateCode == nil)
  }

  @Test("All samples concatenated into one file read as the sum of their parts")
  func allSamplesInOneInput() throws {
    let names = [
      "call-event-official.json", "cdr-official.http", "sms-notify-official.http", "sms-block-official.http",
      "failed-cdr-python-repr.py", "axb-cdr-real.json", "ax-disconnect-event.json",
      "voicecall-cdr-two-spaces.json", "voicecall-answer-two-spaces.json",
    ]
    var bytes: [UInt8] = []
    for name in names {
      bytes += try IngestHarness.fixtureBytes(name)
    }
    let outcome = try IngestHarness.read(bytes: bytes, name: "all-samples.txt")
    #expect(outcome.issues.isEmpty)
    #expect(
      outcome.kinds == [
        "call event", "CDR", "SMS notification", "SMS notification", "CDR", "CDR", "call event", "CDR", "CDR",
        "call event",
      ])
  }
}
