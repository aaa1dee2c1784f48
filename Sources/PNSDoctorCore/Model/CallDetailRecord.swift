/// One CDR (话单, `FeeInfo`): the platform's record of a finished call, answered or not.
///
/// Every field of the platform's FeeInfo table is typed here. The first leg is the user dialling
/// the privacy number (`callerNum` → `calleeNum`); the second, forwarded leg is the platform
/// calling the real callee (`fwdDisplayNum` → `fwdDstNum`). Times are UTC.
public struct CallDetailRecord: Sendable, Equatable {
  /// Call direction; its meaning depends on the mode (AXB: 0 B called A, 1 A called B,
  /// 2 abnormal, for instance no binding).
  public var direction: Int?
  public var spId: String?
  public var appKey: String?
  /// Unique id of the call record.
  public var icid: String?
  /// The privacy number (X; in AXYB the X or Y concerned).
  public var bindNumber: String?
  public var sessionId: String
  public var subscriptionId: String?
  /// Caller of the first leg (the real caller).
  public var callerNumber: String?
  /// Callee of the first leg (the privacy number when a user dialled X).
  public var calleeNumber: String?
  /// Number shown to the callee on the forwarded leg (must be X, else carriers block the call).
  public var forwardDisplayNumber: String?
  /// Real callee of the forwarded leg.
  public var forwardDestinationNumber: String?
  public var callInTime: Timestamp?
  public var forwardStartTime: Timestamp?
  public var forwardAlertingTime: Timestamp?
  /// When the forwarded leg was answered; absent when the call was not answered.
  public var forwardAnswerTime: Timestamp?
  public var callEndTime: Timestamp?
  /// Q.850 cause of the forwarded leg's failure.
  public var forwardUnansweredReason: Int?
  public var failTime: Timestamp?
  /// Release point (呼叫拆线点) of a failed call; 400–699 is a raw SIP code.
  public var releasePoint: Int?
  public var sipStatusCode: Int?
  public var callOutStartTime: Timestamp?
  public var callOutAlertingTime: Timestamp?
  public var callOutAnswerTime: Timestamp?
  /// Q.850 cause of the first ("Initcall") leg's failure.
  public var callOutUnansweredReason: Int?
  public var dynamicIVRStartTime: Timestamp?
  /// Keys pressed in a dynamic IVR, joined by `-` (`0-2-3`).
  public var dynamicIVRPath: String?
  /// 1 when the call was recorded.
  public var recordFlag: Int?
  public var recordStartTime: Timestamp?
  public var recordObjectName: String?
  public var recordBucketName: String?
  public var recordDomain: String?
  public var recordFileDownloadURL: String?
  public var voiceCheckType: Int?
  /// City code of the X number.
  public var areaCode: String?
  public var ttsPlayTimes: Int?
  public var ttsTransDuration: Int?
  public var mptyId: String?
  /// 003 AX, 004 AXB or X, 005 AXE, 007 AXYB (001/002 are voice-call products).
  public var serviceType: String?
  public var hostName: String?
  public var userData: String?
  /// AXE extension (`extendNumber`, or `extendNum` as the demo code spells it).
  public var extensionNumber: String?
  /// X mode only; values not documented.
  public var notifyMode: String?
  /// X mode: 1 the caller hung up, 2 the callee hung up.
  public var callReleaseDirection: Int?
  /// Members pnsdoctor does not know, kept as they came.
  public var otherFields: [JSONObject.Member]

  /// A record with only its session id; set the rest as needed.
  public init(sessionId: String) {
    self.sessionId = sessionId
    self.otherFields = []
  }

  /// Whether the forwarded leg was answered.
  public var wasAnswered: Bool { forwardAnswerTime != nil }
}

extension CallDetailRecord {
  /// Reads a CDR from its JSON object, collecting problems into `fields`.
  init(reading fields: inout FieldReader) {
    self.init(sessionId: fields.requiredString("sessionId"))
    direction = fields.integer("direction")
    spId = fields.string("spId")
    appKey = fields.string("appKey")
    icid = fields.string("icid")
    bindNumber = fields.string("bindNum")
    subscriptionId = fields.string("subscriptionId")
    callerNumber = fields.string("callerNum")
    calleeNumber = fields.string("calleeNum")
    forwardDisplayNumber = fields.string("fwdDisplayNum")
    forwardDestinationNumber = fields.string("fwdDstNum")
    callInTime = fields.time("callInTime")
    forwardStartTime = fields.time("fwdStartTime")
    forwardAlertingTime = fields.time("fwdAlertingTime")
    forwardAnswerTime = fields.time("fwdAnswerTime")
    callEndTime = fields.time("callEndTime")
    forwardUnansweredReason = fields.integer("fwdUnaswRsn")
    failTime = fields.time("failTime")
    releasePoint = fields.integer("ulFailReason")
    sipStatusCode = fields.integer("sipStatusCode")
    callOutStartTime = fields.time("callOutStartTime")
    callOutAlertingTime = fields.time("callOutAlertingTime")
    callOutAnswerTime = fields.time("callOutAnswerTime")
    callOutUnansweredReason = fields.integer("callOutUnaswRsn")
    dynamicIVRStartTime = fields.time("dynIVRStartTime")
    dynamicIVRPath = fields.string("dynIVRPath")
    recordFlag = fields.integer("recordFlag")
    recordStartTime = fields.time("recordStartTime")
    recordObjectName = fields.string("recordObjectName")
    recordBucketName = fields.string("recordBucketName")
    recordDomain = fields.string("recordDomain")
    recordFileDownloadURL = fields.string("recordFileDownloadUrl")
    voiceCheckType = fields.integer("voiceCheckType")
    areaCode = fields.string("areaCode")
    ttsPlayTimes = fields.integer("ttsPlayTimes")
    ttsTransDuration = fields.integer("ttsTransDuration")
    mptyId = fields.string("mptyId")
    serviceType = fields.string("serviceType").map(Self.normalizedServiceType)
    hostName = fields.string("hostName")
    userData = fields.string("userData")
    extensionNumber = fields.string("extendNumber") ?? fields.string("extendNum")
    notifyMode = fields.string("notifyMode")
    callReleaseDirection = fields.integer("callRelDirection")
    otherFields = fields.unknownMembers
  }

  /// Service types are three-digit codes; a receiver that stored `3` meant `003`.
  static func normalizedServiceType(_ text: String) -> String {
    guard text.count < 3, text.allSatisfy(\.isASCII), Int(text) != nil else { return text }
    return String(repeating: "0", count: 3 - text.count) + text
  }
}
