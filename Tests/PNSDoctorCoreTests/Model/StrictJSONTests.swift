import Foundation
import Testing

@testable import PNSDoctorCore

/// The store's own JSON: written compact, read back strictly, exactly.
@Suite("Strict JSON: what the store writes, it reads back whole")
struct StrictJSONTests {
  static let value = JSONValue.object(
    JSONObject(members: [
      .init(key: "sessionId", value: .string("dup\u{0}A \"q\" \\ \n\r\t\u{1F} 中文 🙂")),
      .init(key: "n", value: .number("-12.5e3")),
      .init(key: "n", value: .number("20")),
      .init(key: "list", value: .array([.null, .bool(true), .bool(false), .object(JSONObject())])),
    ]))

  @Test func compactJSONIsReadBackExactly() throws {
    let bytes = Self.value.compactJSONBytes
    #expect(String(decoding: bytes, as: UTF8.self) == Self.value.compactJSON)
    #expect(
      Self.value.compactJSON
        == #"{"sessionId":"dup\u0000A \"q\" \\ \n\r\t\u001f 中文 🙂","n":-12.5e3,"n":20,"list":[null,true,false,{}]}"#)
    // Duplicated keys and member order survive.
    #expect(try StrictJSONParser.parse(bytes) == Self.value)
    // It agrees with Foundation's reader on what the text means.
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["sessionId"] as? String == "dup\u{0}A \"q\" \\ \n\r\t\u{1F} 中文 🙂")
  }

  @Test(arguments: [
    "{'a': 1}", "{\"a\": True}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "\"\u{1}\"", "{\"a\" 1}",
    "[1] x", "\"\\ud800\"", "nul", "", "{\"a\":1", String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
  ])
  func anythingButJSONIsRefused(text: String) {
    #expect(throws: StrictJSONParser.Failure.self) { try StrictJSONParser.parse(Array(text.utf8)) }
  }

  @Test func escapesAndSurrogatePairsAreRead() throws {
    let text = #"["\u00e9\/\b\f", "\ud83d\ude42", 0, -0.5, 1E+2]"#
    #expect(
      try StrictJSONParser.parse(Array(text.utf8))
        == .array([.string("é/\u{8}\u{C}"), .string("🙂"), .number("0"), .number("-0.5"), .number("1E+2")]))
  }
}
