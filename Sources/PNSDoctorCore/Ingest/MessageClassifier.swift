/// Tells what a parsed JSON value is and turns it into typed messages.
///
/// Recognised shapes: a call event push (`eventType` + `statusInfo`), a CDR push (`feeLst`), an
/// SMS push (`smsEvent`), an API response (`resultcode`), and the bare inner objects (a CDR, a
/// `statusInfo`, an `smsEvent`), alone or in arrays. A CDR push yields one message per record,
/// and each record stands or falls alone.
enum MessageClassifier {
  /// A message and the JSON it was read from (the record itself, not its batch).
  struct Classified {
    var message: Message
    var raw: JSONValue
    /// Position of the message inside its top-level value (0 for a single message).
    var ordinal: Int
  }

  /// Keys only a CDR carries, used to recognise a bare one.
  private static let cdrKeys: Set<String> = [
    "callerNum", "calleeNum", "bindNum", "fwdDstNum", "fwdDisplayNum", "callEndTime",
    "ulFailReason", "fwdUnaswRsn", "callInTime", "fwdStartTime", "icid", "serviceType",
  ]
  /// Keys a `statusInfo` carries.
  private static let statusKeys: Set<String> = ["timestamp", "caller", "called", "stateCode", "stateDesc"]

  /// Classifies one top-level value.
  /// - Returns: one result per message or per rejected part, in order.
  static func classify(_ value: JSONValue) -> [Result<Classified, ReadIssue.Reason>] {
    var results: [Result<Classified, ReadIssue.Reason>] = []
    var ordinal = 0
    classify(value, path: "", into: &results, ordinal: &ordinal)
    return results
  }

  /// Reads a value whose kind is already known (a message the store kept, with its kind): one
  /// message of that kind, or why not. Nothing is guessed from the keys.
  static func message(ofKind kind: Message.Kind, from value: JSONValue) -> Result<Message, ReadIssue.Reason> {
    guard let object = value.objectValue else {
      return .failure(.wrongType(path: "", expected: "an object", found: value.kindDescription))
    }
    switch kind {
    case .callEvent:
      if object["statusInfo"] != nil { return readEventPush(object, path: "") }
      var fields = FieldReader(object, path: "")
      return readStatusInfo(&fields, eventName: nil)
    case .detailRecord:
      return readCDR(object, path: "")
    case .sms:
      if object["smsEvent"] != nil { return readSMSPush(object, path: "") }
      var fields = FieldReader(object, path: "")
      return readSMSEvent(&fields, appKey: nil)
    case .apiResponse:
      return readAPIResponse(object, path: "")
    }
  }

  private static func classify(
    _ value: JSONValue, path: String,
    into results: inout [Result<Classified, ReadIssue.Reason>], ordinal: inout Int
  ) {
    switch value {
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        classify(element, path: "\(path)[\(index)]", into: &results, ordinal: &ordinal)
      }
    case .object(let object):
      classify(object: object, path: path, into: &results, ordinal: &ordinal)
    default:
      results.append(.failure(.notAMessage(keys: [])))
    }
  }

  private static func classify(
    object: JSONObject, path: String,
    into results: inout [Result<Classified, ReadIssue.Reason>], ordinal: inout Int
  ) {
    func emit(_ outcome: Result<Message, ReadIssue.Reason>, raw: JSONValue) {
      results.append(outcome.map { Classified(message: $0, raw: raw, ordinal: ordinal) })
      ordinal += 1
    }
    if let batch = object["feeLst"] {
      guard let records = batch.arrayValue else {
        emit(
          .failure(.wrongType(path: join(path, "feeLst"), expected: "an array", found: batch.kindDescription)),
          raw: .object(object))
        return
      }
      if records.isEmpty { emit(.failure(.emptyBatch), raw: .object(object)) }
      for (index, record) in records.enumerated() {
        let recordPath = join(path, "feeLst[\(index)]")
        guard let recordObject = record.objectValue else {
          emit(
            .failure(.wrongType(path: recordPath, expected: "an object", found: record.kindDescription)), raw: record)
          continue
        }
        emit(readCDR(recordObject, path: recordPath), raw: record)
      }
    } else if object["statusInfo"] != nil {
      emit(readEventPush(object, path: path), raw: .object(object))
    } else if object["smsEvent"] != nil {
      emit(readSMSPush(object, path: path), raw: .object(object))
    } else if object["resultcode"] != nil {
      emit(readAPIResponse(object, path: path), raw: .object(object))
    } else if object["smsIdentifier"] != nil {
      var fields = FieldReader(object, path: path)
      emit(readSMSEvent(&fields, appKey: nil), raw: .object(object))
    } else if object["sessionId"] != nil || object["sessionid"] != nil {
      let keys = Set(object.keys)
      if !keys.isDisjoint(with: cdrKeys) {
        emit(readCDR(object, path: path), raw: .object(object))
      } else {
        var fields = FieldReader(object, path: path)
        emit(readStatusInfo(&fields, eventName: nil), raw: .object(object))
      }
    } else if !Set(object.keys).isDisjoint(with: cdrKeys) {
      emit(.failure(.missingField(path: join(path, "sessionId"))), raw: .object(object))
    } else if object["eventType"] != nil && !Set(object.keys).isDisjoint(with: statusKeys) {
      emit(.failure(.missingField(path: join(path, "statusInfo"))), raw: .object(object))
    } else {
      emit(.failure(.notAMessage(keys: object.keys)), raw: .object(object))
    }
  }

  private static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  private static func finish(_ message: Message, _ fields: FieldReader) -> Result<Message, ReadIssue.Reason> {
    if let problem = fields.problems.first { return .failure(problem) }
    return .success(message)
  }

  private static func readCDR(_ object: JSONObject, path: String) -> Result<Message, ReadIssue.Reason> {
    var fields = FieldReader(object, path: path)
    let record = CallDetailRecord(reading: &fields)
    return finish(.callDetailRecord(record), fields)
  }

  private static func readEventPush(_ object: JSONObject, path: String) -> Result<Message, ReadIssue.Reason> {
    var outer = FieldReader(object, path: path)
    let eventName = outer.string("eventType")
    guard let statusInfo = outer.object("statusInfo") else {
      return .failure(outer.problems.first ?? .missingField(path: join(path, "statusInfo")))
    }
    if let problem = outer.problems.first { return .failure(problem) }
    var fields = FieldReader(statusInfo, path: join(path, "statusInfo"))
    return readStatusInfo(&fields, eventName: eventName)
  }

  private static func readStatusInfo(
    _ fields: inout FieldReader, eventName: String?
  ) -> Result<Message, ReadIssue.Reason> {
    let sessionId = fields.requiredString("sessionId")
    let stateCode = fields.integer("stateCode")
    var type = eventName.map(CallEventType.init(wireName:))
    let inferred = type == nil && stateCode != nil
    if inferred { type = .disconnect }
    let event = CallEvent(
      eventType: type, eventTypeInferred: inferred, sessionId: sessionId,
      timestamp: fields.time("timestamp"), caller: fields.string("caller"),
      called: fields.string("called"), stateCode: stateCode,
      stateDescription: fields.string("stateDesc"), subscriptionId: fields.string("subscriptionId"),
      userData: fields.string("userData"), callReleaseDirection: fields.integer("callRelDirection"),
      collectedDigits: fields.string("digitInfo"), otherFields: [])
    var complete = event
    complete.otherFields = fields.unknownMembers
    return finish(.callEvent(complete), fields)
  }

  private static func readSMSPush(_ object: JSONObject, path: String) -> Result<Message, ReadIssue.Reason> {
    var outer = FieldReader(object, path: path)
    let appKey = outer.string("appKey")
    guard let event = outer.object("smsEvent") else {
      return .failure(outer.problems.first ?? .missingField(path: join(path, "smsEvent")))
    }
    if let problem = outer.problems.first { return .failure(problem) }
    var fields = FieldReader(event, path: join(path, "smsEvent"))
    return readSMSEvent(&fields, appKey: appKey)
  }

  private static func readSMSEvent(_ fields: inout FieldReader, appKey: String?) -> Result<Message, ReadIssue.Reason> {
    var sms = SMSNotification(smsIdentifier: fields.requiredString("smsIdentifier"))
    sms.appKey = appKey
    sms.mode = fields.string("notificationMode").map(SMSNotificationMode.init(wireName:))
    sms.calling = fields.string("calling")
    sms.called = fields.string("called")
    sms.virtualNumber = fields.string("virtualNumber")
    sms.event = fields.string("event")
    sms.timestamp = fields.time("timeStamp")
    sms.subscriptionId = fields.string("subscriptionId")
    sms.content = fields.string("smsContent")
    sms.sendResult = fields.integer("sendResult")
    sms.userData = fields.string("userData")
    if let extInfo = fields.object("extInfo") {
      var extFields = FieldReader(extInfo, path: join(fields.path, "extInfo"))
      if let parameters = extFields.take("extParas"), parameters != .null {
        guard let list = parameters.arrayValue else {
          return .failure(
            .wrongType(path: join(extFields.path, "extParas"), expected: "an array", found: parameters.kindDescription))
        }
        for (index, entry) in list.enumerated() {
          guard let pair = entry.objectValue else {
            return .failure(
              .wrongType(
                path: join(extFields.path, "extParas[\(index)]"), expected: "an object", found: entry.kindDescription))
          }
          var pairFields = FieldReader(pair, path: join(extFields.path, "extParas[\(index)]"))
          let key = pairFields.requiredString("key")
          let value = pairFields.string("value") ?? ""
          if let problem = pairFields.problems.first { return .failure(problem) }
          sms.extensionParameters.append((key, value))
        }
      }
      sms.otherFields += extFields.unknownMembers.map {
        JSONObject.Member(key: "extInfo.\($0.key)", value: $0.value)
      }
    }
    sms.otherFields = fields.unknownMembers + sms.otherFields
    return finish(.sms(sms), fields)
  }

  private static func readAPIResponse(_ object: JSONObject, path: String) -> Result<Message, ReadIssue.Reason> {
    var fields = FieldReader(object, path: path)
    let code = fields.requiredString("resultcode")
    let response = APIResponse(
      resultCode: code, resultDescription: fields.string("resultdesc"), otherFields: [])
    var complete = response
    complete.otherFields = fields.unknownMembers
    return finish(.apiResponse(complete), fields)
  }
}
