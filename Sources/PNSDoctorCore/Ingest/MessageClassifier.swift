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

  /// A rejected part of a top-level value: why, and the steps to the element it concerns (empty
  /// for the value itself), so that it can be located in the text.
  struct Failure: Error {
    var reason: ReadIssue.Reason
    var steps: [ElementStep]
  }

  /// Everything one top-level value holds, in order, with at most `problemLimit` rejections
  /// described; the rest are only counted.
  struct Classification {
    var results: [Result<Classified, Failure>] = []
    /// Rejections beyond the limit: counted, not kept (a batch of a million bad elements must
    /// cost a counter, not a million held messages).
    var unreportedProblems = 0
    fileprivate var ordinal = 0
    fileprivate let problemLimit: Int
    fileprivate var reportedProblems = 0

    fileprivate init(problemLimit: Int) {
      self.problemLimit = problemLimit
    }

    /// Adds a message, or a rejection (kept only while under the limit; past it, the outcome is
    /// still worked out, as a good message must be kept, but a failure is only counted).
    fileprivate mutating func emit(
      _ outcome: @autoclosure () -> Result<Message, ReadIssue.Reason>, raw: @autoclosure () -> JSONValue,
      steps: [ElementStep]
    ) {
      defer { ordinal += 1 }
      if reportedProblems >= problemLimit {
        // Past the limit only the count matters, but a good message is still kept whole.
        guard case .success(let message) = outcome() else {
          unreportedProblems += 1
          return
        }
        results.append(.success(Classified(message: message, raw: raw(), ordinal: ordinal)))
        return
      }
      switch outcome() {
      case .success(let message):
        results.append(.success(Classified(message: message, raw: raw(), ordinal: ordinal)))
      case .failure(let reason):
        reportedProblems += 1
        results.append(.failure(Failure(reason: reason, steps: steps)))
      }
    }
  }

  /// Classifies one top-level value.
  /// - Returns: one result per message or per rejected part, in order, the rejections past
  ///   `problemLimit` only counted.
  static func classify(_ value: JSONValue, problemLimit: Int = .max) -> Classification {
    var classification = Classification(problemLimit: problemLimit)
    classify(value, path: "", steps: [], into: &classification)
    return classification
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
    _ value: JSONValue, path: String, steps: [ElementStep], into classification: inout Classification
  ) {
    switch value {
    case .array(let elements):
      if elements.isEmpty {
        classification.emit(.failure(.emptyArray), raw: value, steps: steps)
      }
      for (index, element) in elements.enumerated() {
        classify(element, path: "\(path)[\(index)]", steps: steps + [.index(index)], into: &classification)
      }
    case .object(let object):
      classify(object: object, path: path, steps: steps, into: &classification)
    default:
      classification.emit(.failure(.notAMessage(keys: [])), raw: value, steps: steps)
    }
  }

  private static func classify(
    object: JSONObject, path: String, steps: [ElementStep], into classification: inout Classification
  ) {
    func emit(_ outcome: @autoclosure () -> Result<Message, ReadIssue.Reason>) {
      classification.emit(outcome(), raw: .object(object), steps: steps)
    }
    if let batch = object["feeLst"] {
      guard let records = batch.arrayValue else {
        emit(.failure(.wrongType(path: join(path, "feeLst"), expected: "an array", found: batch.kindDescription)))
        return
      }
      if records.isEmpty { emit(.failure(.emptyBatch)) }
      for (index, record) in records.enumerated() {
        let recordSteps = steps + [.key("feeLst"), .index(index)]
        guard let recordObject = record.objectValue else {
          classification.emit(
            .failure(
              .wrongType(
                path: join(path, "feeLst[\(index)]"), expected: "an object", found: record.kindDescription)),
            raw: record, steps: recordSteps)
          continue
        }
        classification.emit(
          readCDR(recordObject, path: join(path, "feeLst[\(index)]")), raw: record, steps: recordSteps)
      }
    } else if object["statusInfo"] != nil {
      emit(readEventPush(object, path: path))
    } else if object["smsEvent"] != nil {
      emit(readSMSPush(object, path: path))
    } else if object["resultcode"] != nil {
      emit(readAPIResponse(object, path: path))
    } else if object["smsIdentifier"] != nil {
      var fields = FieldReader(object, path: path)
      emit(readSMSEvent(&fields, appKey: nil))
    } else if object["sessionId"] != nil || object["sessionid"] != nil {
      let keys = Set(object.keys)
      if !keys.isDisjoint(with: cdrKeys) {
        emit(readCDR(object, path: path))
      } else {
        var fields = FieldReader(object, path: path)
        emit(readStatusInfo(&fields, eventName: nil))
      }
    } else if !Set(object.keys).isDisjoint(with: cdrKeys) {
      emit(.failure(.missingField(path: join(path, "sessionId"))))
    } else if object["eventType"] != nil && !Set(object.keys).isDisjoint(with: statusKeys) {
      emit(.failure(.missingField(path: join(path, "statusInfo"))))
    } else {
      emit(.failure(.notAMessage(keys: object.keys)))
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
