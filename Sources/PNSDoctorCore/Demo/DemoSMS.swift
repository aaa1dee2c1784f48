import Foundation

/// Synthetic SMS notifications, with the results of the platform's SMS table in plausible
/// proportions.
enum DemoSMS {
  /// Appends the notifications of one message sent around `call`; returns how many.
  static func append(for call: DemoCall, at time: Int64, random: inout DemoRandom, into lines: inout [String]) -> Int {
    let identifier = random.digits(20)
    let result = random.weighted([
      (0, 86.0), (12, 2), (13, 2), (8, 1), (2, 2), (3, 1), (11, 1), (1, 0.5), (5, 0.5), (9, 0.5),
      (10, 0.5), (4, 0.2), (6, 1.4), (7, 1.4),
    ])
    let fromA = random.chance(0.5)
    let sender = fromA ? call.caller : call.callee
    let receiver = fromA ? call.callee : call.caller
    var written = 0
    // AX: A must end the text with "@number"; without it, and in X mode, the customer's server
    // decides in Block mode. A discard (6) or a late answer (7) follows such a Block push.
    let blockFirst =
      call.mode == .x || (call.mode == .ax && fromA && (result == 6 || result == 7 || random.chance(0.1)))
    if blockFirst {
      lines.append(json(identifier, "Block", sender, nil, call, time, 0, "splitNum", "1", content: "到了吗"))
      written += 1
    }
    let forwarded = result == 0 || result == 9
    let text = call.mode == .ax && fromA && !blockFirst ? "我在门口@\(receiver.dropFirst(3))" : "我在门口"
    lines.append(
      json(
        identifier, "Notify", sender, forwarded ? receiver : nil, call, time + Int64(random.int(200...4_000)),
        result, "splitNum", "1", content: text))
    return written + 1
  }

  private static func json(
    _ identifier: String, _ mode: String, _ calling: String, _ called: String?, _ call: DemoCall,
    _ time: Int64, _ result: Int, _ key: String, _ value: String, content: String
  ) -> String {
    let calledField = called.map { ",\"called\":\"\($0)\"" } ?? ""
    let binding = call.subscriptionId.map { ",\"subscriptionId\":\"\($0)\"" } ?? ""
    let millis = String(1000 + time % 1000).dropFirst()
    let stamp = DemoCall.wireTime(time).replacingOccurrences(of: " ", with: "T") + ".\(millis)Z"
    let direction = calling == call.caller ? "1" : "2"
    return
      "{\"appKey\":\"demo-app-key\",\"smsEvent\":{\"smsIdentifier\":\"\(identifier)\",\"notificationMode\":\"\(mode)\",\"calling\":\"\(calling)\"\(calledField),\"virtualNumber\":\"\(call.privacyNumber)\",\"event\":\"TextSMS\",\"timeStamp\":\"\(stamp)\"\(binding),\"smsContent\":\"\(content)\",\"extInfo\":{\"extParas\":[{\"key\":\"\(key)\",\"value\":\"\(value)\"},{\"key\":\"direction\",\"value\":\"\(direction)\"}]},\"sendResult\":\(result)}}"
  }
}
