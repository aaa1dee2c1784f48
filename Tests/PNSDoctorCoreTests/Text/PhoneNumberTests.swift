import Testing

@testable import PNSDoctorCore

@Suite("Phone numbers and terminal text")
struct PhoneNumberTests {
  @Test(arguments: [
    ("+8610000000021", "+86100****0021"),
    ("+867552800001", "+8675****0001"),
    ("10000000021", "100****0021"),
    ("+86138****0021", "+86138****0021"),
    ("12345", "***45"),
    ("+1", "+*"),
  ])
  func masking(number: String, masked: String) {
    #expect(PhoneNumber.mask(number) == masked)
  }

  @Test(arguments: [
    ("+8610000000021", "+8610000000021"),
    ("10000000021", "+8610000000021"),
    ("8610000000021", "+8610000000021"),
    ("0086 100-0000-0021", "+8610000000021"),
    ("075528000001", "075528000001"),
  ])
  func normalizing(typed: String, normalized: String) {
    #expect(PhoneNumber.normalize(typed) == normalized)
  }

  @Test func maskingNumbersInsideText() {
    let text =
      #"{"callerNum":"+8610000000021","called":"10100000002","sessionId":"1200_1827_4294967295_20190124023003"} 我到了@10100000003"#
    let masked = PhoneNumber.maskAll(in: text)
    #expect(masked.contains("+86100****0021"))
    #expect(masked.contains("101****0002"))
    #expect(masked.contains("@101****0003"))
    #expect(masked.contains("1200_1827_4294967295_20190124023003"), "session ids are not numbers")
    #expect(!masked.contains("10000000021") && !masked.contains("10100000002"))
    #expect(PhoneNumber.mask("+8610000000021*") != "+8610000000021*", "a stray star does not unmask")
  }

  @Test(arguments: [
    ("call 138 0013 8000 now", "call 138****8000 now"),
    ("+86 100 0000 0021", "+86100****0021"),
    ("010-12345678", "010****5678"),
    ("landline 075528000001.", "landline 075*****0001."),
    ("8610000000021", "861******0021"),
    ("008610000000021", "008********0021"),
    ("号码１００００００００２１", "号码100****0021"),
    ("code 8104 13800000021", "code 8104 138****0021"),
  ])
  func maskingNumberShapesInsideText(text: String, masked: String) {
    #expect(PhoneNumber.maskAll(in: text) == masked)
  }

  @Test(arguments: [
    "2024-05-13 05:24:57", "1715578497123", "20240513052457", "1200_1827_4294967295_20190124023003",
    "icid c08dd883.3861408249.24986516.29", "8104 9999 0000",
  ])
  func dateTimesAndIdsAreNotNumbers(text: String) {
    #expect(PhoneNumber.maskAll(in: text) == text)
  }

  @Test func sanitizerNeutralisesTerminalControl() {
    let hostile = "ok\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2Jname\u{202E}gnp.exe\u{200B}\u{9B}31m\r\n"
    let safe = TerminalSanitizer.sanitize(hostile)
    #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(!safe.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{200B}" })
    #expect(safe.hasPrefix("ok␛]52;c;ZXZpbA==␇␛[2Jname\\u{202E}gnp.exe\\u{200B}\\u{9B}31m␍␊"))
    #expect(TerminalSanitizer.sanitize("上海市", limit: 2) == "上海…")
  }

  @Test func displayWidthCountsChineseAsTwoColumns() {
    #expect(DisplayWidth.of("被叫已关机") == 10)
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.fit("被叫已关机", width: 7) == "被叫已…")
    #expect(DisplayWidth.fit("被叫已关机", width: 8) == "被叫已… ")
    #expect(DisplayWidth.of(DisplayWidth.fit("被叫已关机", width: 7)) == 7)
    #expect(DisplayWidth.fit("ab", width: 4) == "ab  ")
  }

  @Test func serviceNumbersAndGroupsThatAreDates() {
    // 400, 800 and 95 numbers alone or inside a session id; not UInt32.max, the platform's
    // placeholder there.
    #expect(PhoneNumber.maskAll(in: "1207_0_4000012345_20240513052457@h") == "1207_0_40****2345_20240513052457@h")
    #expect(PhoneNumber.maskAll(in: "call 8000012345") == "call 80****2345")
    #expect(PhoneNumber.maskAll(in: "bank 95588 hotline") == "bank ***88 hotline")
    #expect(PhoneNumber.maskAll(in: "1200_366_4294967295_20161228102743") == "1200_366_4294967295_20161228102743")
    // A date's two-digit groups do not join its year (or a time) into a number.
    #expect(PhoneNumber.maskAll(in: "+275760-09-13T00:00:00Z") == "+275760-09-13T00:00:00Z")
    #expect(PhoneNumber.maskAll(in: "10000-01-01 00:00:00") == "10000-01-01 00:00:00")
    // Numbers grouped as people write them still are.
    #expect(PhoneNumber.maskAll(in: "ring 109 1234 5678 now") == "ring 109****5678 now")
    #expect(PhoneNumber.maskAll(in: "+86 109 1234 5678") == "+86109****5678")
    #expect(PhoneNumber.maskAll(in: "021-00012345") == "021****2345")
    // Text without five digits is returned as it is (the fast path).
    #expect(PhoneNumber.maskAll(in: "sip=480 q850=19") == "sip=480 q850=19")
  }
}
