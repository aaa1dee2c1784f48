import Foundation
import Testing

@testable import PNSDoctorCore

/// One input mixing every form the reader accepts: raw push bodies, bare records, arrays, JSON
/// Lines, HTTP dumps, log lines with a prefix, Python reprs, lenient field types, pretty-printed
/// JSON and an API response.
@Suite("Accepted input forms")
struct InputFormTests {
  static let logPrefix = "2024-05-13 05:24:57,123 INFO [http-nio-8080-exec-3] receiver.fee - body="

  /// The parts of the mixed input, in order; each is followed by a line break.
  static let parts: [String] = [
    // A raw call event push.
    #"{"eventType":"callin","statusInfo":{"sessionId":"form-1","timestamp":"2024-05-13 05:24:57","caller":"+86138****0021","called":"+86170****4375","subscriptionId":"sub-1","userData":"order-77"}}"#,
    // A raw CDR push.
    #"{"eventType":"fee","feeLst":[{"direction":1,"sessionId":"form-2","callerNum":"+86138****0021","calleeNum":"+86170****4375","fwdDstNum":"+86186****2935","callInTime":"2024-05-13 05:24:57","fwdAnswerTime":"2024-05-13 05:25:10","callEndTime":"2024-05-13 05:25:41","ulFailReason":0,"serviceType":"004"}]}"#,
    // A raw SMS push.
    #"{"appKey":"****","smsEvent":{"smsIdentifier":"sms-3","notificationMode":"Notify","calling":"+86138****0001","called":"+86138****0002","virtualNumber":"+86170****4375","event":"TextSMS","timeStamp":"2024-05-13T05:30:00.250Z","sendResult":0}}"#,
    // A bare CDR record.
    #"{"sessionId":"form-4","callerNum":"+86138****0021","calleeNum":"+86170****4375","callEndTime":"2024-05-13 06:00:00","ulFailReason":0}"#,
    // A bare statusInfo object: a stateCode makes it a disconnect.
    #"{"sessionId":"form-5","timestamp":"2024-05-13 06:01:00","caller":"+86138****0021","called":"+86170****4375","stateCode":31,"stateDesc":"Normal, unspecified."}"#,
    // A JSON array of records.
    #"[{"eventType":"callout","statusInfo":{"sessionId":"form-6","timestamp":"2024-05-13 06:02:00"}},{"eventType":"alerting","statusInfo":{"sessionId":"form-6","timestamp":"2024-05-13 06:02:01"}}]"#,
    // JSON Lines.
    #"{"eventType":"answer","statusInfo":{"sessionId":"form-6","timestamp":"2024-05-13 06:02:05"}}"#
      + "\n"
      + #"{"eventType":"disconnect","statusInfo":{"sessionId":"form-6","timestamp":"2024-05-13 06:03:05","stateCode":0}}"#,
    // Two HTTP request dumps, with CRLF line ends as a capture tool writes them.
    [
      "POST /status HTTP/1.1", "Host: receiver.example.com", "Content-Type: application/json;charset=UTF-8",
      #"Authorization: AKSK realm="SDP",profile="UsernameToken",type="Appkey""#,
      #"X-AKSK: UsernameToken Username="****", PasswordDigest="****", Nonce="****", Created="2024-05-13T06:04:00Z""#,
      "Content-Length: 96", "",
      #"{"eventType":"callin","statusInfo":{"sessionId":"form-8","timestamp":"2024-05-13 06:04:00"}}"#,
      "POST /fee HTTP/1.1", "Host: receiver.example.com", "Content-Type: application/json;charset=UTF-8", "",
      #"{"eventType":"fee","feeLst":[{"sessionId":"form-8","callerNum":"+86138****0021","ulFailReason":8101}]}"#,
    ].joined(separator: "\r\n"),
    // A log line: JSON after a prefix (the `[thread]` is not taken for an array).
    logPrefix
      + #"{"eventType":"fee","feeLst":[{"sessionId":"form-9","bindNum":"+86170****4375","callEndTime":"2024-05-13 06:05:00"}]}"#,
    // A Python dict repr, as `logging.info("%s", body)` prints it.
    #"{'eventType': 'fee', 'feeLst': [{'sessionId': 'form-10', 'callerNum': '+86138****0021', 'recordFlag': True, 'userData': None, 'ulFailReason': 0}]}"#,
    // Numbers sent as strings, and empty strings for absent times.
    #"{"eventType":"fee","feeLst":[{"sessionId":"form-11","direction":"1","ulFailReason":"518","sipStatusCode":"480","fwdUnaswRsn":"0","recordFlag":"0","serviceType":4,"callInTime":"2024-05-13 06:06:00","fwdAlertingTime":"","fwdAnswerTime":"","failTime":"2024-05-13 06:06:30"}]}"#,
    #"{"eventType":"disconnect","statusInfo":{"sessionId":"form-11","timestamp":"","stateCode":"31"}}"#,
    // A pretty-printed multi-line object.
    """
    {
      "appKey": "****",
      "smsEvent": {
        "smsIdentifier": "sms-13",
        "notificationMode": "Block",
        "calling": "+86138****0001",
        "virtualNumber": "+86170****4375",
        "event": "TextSMS",
        "timeStamp": "2024-05-13T06:07:00.000+08:00",
        "extInfo": {
          "extParas": [
            {"key": "splitNum", "value": "1"},
            {"key": "direction", "value": "1"}
          ]
        },
        "sendResult": 7
      }
    }
    """,
    // An API error response.
    #"{"resultcode":"1012007","resultdesc":"The record does not exist."}"#,
  ]

  static let mixed = parts.joined(separator: "\n") + "\n"

  private func readMixed() throws -> ReaderOutcome {
    try IngestHarness.read(text: Self.mixed, name: "mixed.log")
  }

  private func time(_ text: String) throws -> Timestamp { try IngestHarness.time(text) }

  @Test("Every form in one input: the exact messages, in order, with no issue")
  func everyFormInOneInput() throws {
    let outcome = try readMixed()
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.records.count == 17)
    #expect(
      outcome.kinds == [
        "call event", "CDR", "SMS notification", "CDR", "call event", "call event", "call event",
        "call event", "call event", "call event", "CDR", "CDR", "CDR", "CDR", "call event",
        "SMS notification", "API response",
      ])
    #expect(
      outcome.sessionIds == [
        "form-1", "form-2", "form-4", "form-5", "form-6", "form-6", "form-6", "form-6", "form-8", "form-8",
        "form-9", "form-10", "form-11", "form-11",
      ])
    #expect(
      outcome.callEvents.map { $0.eventType?.wireName ?? "-" } == [
        "callin", "disconnect", "callout", "alerting", "answer", "disconnect", "callin", "disconnect",
      ])
    #expect(outcome.smsNotifications.map(\.smsIdentifier) == ["sms-3", "sms-13"])
  }

  @Test("The same input with CRLF line ends and a UTF-8 byte order mark reads the same messages")
  func windowsLineEndsAndByteOrderMark() throws {
    let windows = [0xEF, 0xBB, 0xBF] + Array(Self.mixed.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let outcome = try IngestHarness.read(bytes: windows, name: "mixed-windows.log")
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.messages == (try readMixed()).messages)
  }

  @Test("Each form, read alone, gives the same messages as in the mixed input")
  func eachFormAlone() throws {
    var alone: [Message] = []
    for part in Self.parts {
      let outcome = try IngestHarness.read(text: part)
      #expect(outcome.issues.isEmpty, "\(part.prefix(60)): \(outcome.issues)")
      alone += outcome.messages
    }
    #expect(alone == (try readMixed()).messages)
  }

  @Test("Raw pushes are read field by field")
  func rawPushes() throws {
    let outcome = try readMixed()
    let callIn = try #require(outcome.callEvents.first)
    #expect(callIn.eventType == .callIn)
    #expect(callIn.timestamp == (try time("2024-05-13 05:24:57")))
    #expect(callIn.subscriptionId == "sub-1")
    #expect(callIn.userData == "order-77")
    let cdr = try #require(outcome.detailRecords.first)
    #expect(cdr.sessionId == "form-2")
    #expect(cdr.forwardAnswerTime == (try time("2024-05-13 05:25:10")))
    #expect(cdr.serviceType == "004")
    let sms = try #require(outcome.smsNotifications.first)
    #expect(sms.appKey == "****")
    #expect(sms.called == "+86138****0002")
    #expect(sms.timestamp?.millisecondsSince1970 == (try time("2024-05-13 05:30:00")).millisecondsSince1970 + 250)
  }

  @Test("Bare records: a CDR by its keys, a statusInfo with stateCode as an inferred disconnect")
  func bareRecords() throws {
    let outcome = try readMixed()
    let bareCDR = try #require(outcome.detailRecords.first { $0.sessionId == "form-4" })
    #expect(bareCDR.callEndTime == (try time("2024-05-13 06:00:00")))
    #expect(bareCDR.releasePoint == 0)
    let bareStatus = try #require(outcome.callEvents.first { $0.sessionId == "form-5" })
    #expect(bareStatus.eventType == .disconnect)
    #expect(bareStatus.eventTypeInferred)
    #expect(bareStatus.stateCode == 31)
    #expect(bareStatus.stateDescription == "Normal, unspecified.")
    // A pushed disconnect is not inferred.
    let pushed = try #require(outcome.callEvents.first { $0.sessionId == "form-6" && $0.eventType == .disconnect })
    #expect(pushed.eventTypeInferred == false)
  }

  @Test("An array's elements share the array's location and are numbered by ordinal")
  func arrayOfRecords() throws {
    let outcome = try readMixed()
    let fromArray = outcome.records.filter { $0.message.sessionId == "form-6" }.prefix(2)
    #expect(fromArray.map(\.ordinal) == [0, 1])
    #expect(Set(fromArray.map(\.location)).count == 1)
    #expect(fromArray.first?.location.line == 6)
    #expect(fromArray.first?.location.column == 1)
  }

  @Test("HTTP dumps: headers are skipped and both bodies of two dumps are read")
  func httpDumps() throws {
    let outcome = try readMixed()
    let fromDumps = outcome.records.filter { $0.message.sessionId == "form-8" }
    #expect(fromDumps.map(\.message.kindName) == ["call event", "CDR"])
    // Line 9 holds the first request line; its body follows five headers and a blank line.
    #expect(fromDumps.map(\.location.line) == [16, 21])
    let cdr = try #require(outcome.detailRecords.first { $0.sessionId == "form-8" })
    #expect(cdr.releasePoint == 8101)
  }

  @Test("Log line: the record starts right after the prefix")
  func logLinePrefix() throws {
    let outcome = try readMixed()
    let record = try #require(outcome.records.first { $0.message.sessionId == "form-9" })
    #expect(record.location.line == 22)
    #expect(record.location.column == Self.logPrefix.count + 1)
    guard case .callDetailRecord(let cdr) = record.message else {
      Issue.record("not a CDR: \(record.message)")
      return
    }
    #expect(cdr.bindNumber == "+86170****4375")
  }

  @Test("Python repr: True is 1, None is absent, and raw is normalised to JSON")
  func pythonRepr() throws {
    let outcome = try readMixed()
    let record = try #require(outcome.records.first { $0.message.sessionId == "form-10" })
    guard case .callDetailRecord(let cdr) = record.message else {
      Issue.record("not a CDR: \(record.message)")
      return
    }
    #expect(cdr.recordFlag == 1)
    #expect(cdr.userData == nil)
    #expect(cdr.callerNumber == "+86138****0021")
    #expect(record.raw.objectValue?["recordFlag"] == .bool(true))
    #expect(record.raw.objectValue?["userData"] == .null)
  }

  @Test("Numbers sent as strings are read as numbers; empty strings are absent values")
  func lenientFieldTypes() throws {
    let outcome = try readMixed()
    let cdr = try #require(outcome.detailRecords.first { $0.sessionId == "form-11" })
    #expect(cdr.releasePoint == 518)
    #expect(cdr.sipStatusCode == 480)
    #expect(cdr.forwardUnansweredReason == 0)
    #expect(cdr.direction == 1)
    #expect(cdr.recordFlag == 0)
    #expect(cdr.serviceType == "004", "a service type sent as the number 4 is the code 004")
    #expect(cdr.callInTime == (try time("2024-05-13 06:06:00")))
    #expect(cdr.forwardAlertingTime == nil)
    #expect(cdr.forwardAnswerTime == nil)
    #expect(cdr.wasAnswered == false)
    #expect(cdr.failTime == (try time("2024-05-13 06:06:30")))
    #expect(cdr.otherFields.isEmpty, "empty strings are read as absent, not kept as unknown")
    let event = try #require(outcome.callEvents.first { $0.sessionId == "form-11" })
    #expect(event.stateCode == 31)
    #expect(event.timestamp == nil)
  }

  @Test("Pretty-printed SMS Block push: one message, with its offset time converted to UTC")
  func prettyPrinted() throws {
    let outcome = try readMixed()
    let sms = try #require(outcome.smsNotifications.last)
    #expect(sms.smsIdentifier == "sms-13")
    #expect(sms.mode == .block)
    #expect(sms.sendResult == 7)
    #expect(sms.timestamp == (try time("2024-05-12 22:07:00")))
    #expect(sms.extensionParameters.map(\.key) == ["splitNum", "direction"])
    #expect(sms.extensionParameters.map(\.value) == ["1", "1"])
  }

  @Test("API error response: code kept as text, not a success")
  func apiErrorResponse() throws {
    let outcome = try readMixed()
    let response = try #require(outcome.apiResponses.first)
    #expect(response.resultCode == "1012007")
    #expect(response.resultDescription == "The record does not exist.")
    #expect(response.isSuccess == false)
    #expect(response.otherFields.isEmpty)
    // The last line of the input (counting line feeds: "\r\n" is one Character in Swift).
    #expect(outcome.records.last?.location.line == Self.mixed.utf8.filter { $0 == 0x0A }.count)
  }

  @Test("A CDR push of several records gives one message each, in order")
  func batchOfRecords() throws {
    let text =
      #"{"eventType":"fee","feeLst":["#
      + (1...50).map { #"{"sessionId":"batch-\#($0)","callerNum":"+86138****0021","ulFailReason":0}"# }
      .joined(separator: ",") + "]}"
    let outcome = try IngestHarness.read(text: text)
    #expect(outcome.issues.isEmpty)
    #expect(outcome.sessionIds == (1...50).map { "batch-\($0)" })
    #expect(outcome.records.map(\.ordinal) == Array(0..<50))
  }
}
