import Foundation
import Testing

/// What reaches a person's terminal: never a control sequence from data or arguments, never a
/// full phone number unless asked for. JSON, for machines, keeps numbers whole unless --mask.
@Suite("Terminal safety and privacy of every output")
struct OutputSafetyTests {
  /// A CDR whose text fields attack the terminal, whose session id embeds numbers (as real AXB
  /// ones do), and a record whose wrong-typed field quotes a number.
  private static let hostileInput =
    [
      #"{"eventType":"fee","feeLst":[{"sessionId":"+8610000000021_+8610100000002_4_x\u001b]52;c;ZXZpbA==\u0007","spId":"\u001b]0;owned\u0007\u001b[2J","callerNum":"+8610000000021","calleeNum":"+8612000000001","fwdDstNum":"+8610100000002","callInTime":"2024-05-13 05:24:57","ulFailReason":8104,"serviceType":"004","userData":"\u202egnp.exe\u200b\u061c\u2028\u009b31m"}]}"#,
      #"{"eventType":"fee","feeLst":[{"sessionId":"bad-1","ulFailReason":"8610000000021\u001b[31m"}]}"#,
      #"{"resultcode":"1010010","resultdesc":"Invalid digest for +8610000000021 \u001b]0;t\u0007"}"#,
    ].joined(separator: "\n") + "\n"

  private static let fullNumbers = ["8610000000021", "8610100000002", "8612000000001"]

  /// Bytes a terminal acts on, or characters that hide or reorder text.
  private func unsafeParts(_ text: String) -> [String] {
    var found: [String] = []
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let control = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
      let invisible = [0x202E, 0x200B, 0x061C, 0x2028, 0x2066].contains(value)
      if control || invisible { found.append(String(value, radix: 16)) }
    }
    return found
  }

  private func expectSafe(_ result: CommandRunner.Result, _ what: String, masked: Bool = true) {
    for (stream, text) in [("stdout", result.output), ("stderr", result.errors)] {
      #expect(unsafeParts(text).isEmpty, "\(what) \(stream): \(unsafeParts(text)) in \(text)")
      if masked {
        for number in Self.fullNumbers {
          #expect(!text.contains(number), "\(what) \(stream) shows \(number) in full: \(text)")
        }
      }
    }
  }

  @Test func hostileDataIsNeutralisedAndNumbersMaskedInEveryHumanOutput() throws {
    let folder = CommandRunner.temporaryFolder()
    let input = folder.appendingPathComponent("hostile\u{1B}[2J\u{202E}.jsonl")
    try Data(Self.hostileInput.utf8).write(to: input)
    let store = folder.appendingPathComponent("store.sqlite").path

    let imported = try CommandRunner.run(["import", input.path, "--store", store])
    #expect(imported.status == 1, "one record is rejected")
    #expect(imported.output.contains("feeLst[0].ulFailReason"), "the rejection says where: \(imported.output)")
    expectSafe(imported, "import")

    let listing = try CommandRunner.run(["calls", "--store", store])
    #expect(listing.output.contains("+86100****0021"))
    expectSafe(listing, "calls")

    let diagnosed = try CommandRunner.run(["diagnose", input.path, "--store", store])
    #expect(diagnosed.output.contains("callee-powered-off") || diagnosed.output.contains("Callee"))
    expectSafe(diagnosed, "diagnose")

    let session = try CommandRunner.run([
      "diagnose", "--session", "+8610000000021_\u{1B}]52;c;eA==\u{07}", "--store", store,
    ])
    #expect(session.status == 2)
    expectSafe(session, "diagnose --session")

    // Revealed on request: whole numbers, still no control sequence.
    let revealed = try CommandRunner.run(["calls", "--reveal", "--store", store])
    #expect(revealed.output.contains("+8610000000021"))
    expectSafe(revealed, "calls --reveal", masked: false)

    // JSON is for machines: whole numbers unless --mask.
    let json = try CommandRunner.run(["calls", "--format", "json", "--store", store])
    #expect(json.output.contains("+8610000000021"))
    let maskedJSON = try CommandRunner.run(["calls", "--format", "json", "--mask", "--store", store])
    #expect(!maskedJSON.output.contains("+8610000000021") && maskedJSON.output.contains("+86100****0021"))
  }

  @Test func jsonOutputEscapesWhatATerminalActsOnAndKeepsTheDataExact() throws {
    // A session id holding DEL, a one-byte CSI, bidi and zero-width marks, a line separator and
    // a tag character beyond U+FFFF: the encoder alone writes all of these raw.
    let id = "json-\u{7F}\u{9B}31m\u{202E}\u{200B}\u{2028}\u{E0041}-1"
    let escapedId = #"json-\u007f\u009b31m\u202e\u200b\u2028\udb40\udc41-1"#
    let record = #"{"eventType":"fee","feeLst":[{"sessionId":"json-\u007f\u009b31m\u202e\u200b\u2028\udb40\udc41-1","callInTime":"2024-05-13 05:24:57","ulFailReason":8104}]}"#
    let folder = CommandRunner.temporaryFolder()
    let input = folder.appendingPathComponent("json.jsonl")
    try Data((record + "\n").utf8).write(to: input)
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["import", input.path, "--store", store]).status == 0)

    for arguments in [
      ["calls", "--format", "json", "--store", store],
      ["diagnose", input.path, "--format", "json", "--store", store],
    ] {
      let result = try CommandRunner.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      expectSafe(result, arguments.joined(separator: " "), masked: false)
      #expect(result.output.contains(escapedId), "\(arguments): \(result.output)")
      // Escaped, not replaced: a script reads exactly the id the platform sent.
      let decoded = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
      #expect(Self.strings(in: decoded).contains(id), "\(arguments)")
    }
  }

  /// Every string inside a decoded JSON value.
  private static func strings(in value: Any) -> [String] {
    switch value {
    case let text as String: [text]
    case let array as [Any]: array.flatMap(strings)
    case let object as [String: Any]: object.values.flatMap(strings)
    default: []
    }
  }

  @Test func stackedCombiningMarksAreCutAndEarlyYearsKeepTheirWidth() throws {
    let zalgo = "z" + String(repeating: "\u{0301}", count: 200) + "-1"
    let records = [
      #"{"eventType":"fee","feeLst":[{"sessionId":"\#(zalgo)","callInTime":"2024-05-13 05:24:57","ulFailReason":8104}]}"#,
      #"{"eventType":"fee","feeLst":[{"sessionId":"year-1","callInTime":"0001-01-01 00:00:00","ulFailReason":8104}]}"#,
    ]
    let folder = CommandRunner.temporaryFolder()
    let input = folder.appendingPathComponent("marks.jsonl")
    try Data((records.joined(separator: "\n") + "\n").utf8).write(to: input)
    let store = folder.appendingPathComponent("store.sqlite").path
    try #require(try CommandRunner.run(["import", input.path, "--store", store]).status == 0)

    let listing = try CommandRunner.run(["calls", "--tz", "UTC", "--store", store])
    #expect(listing.status == 0, "\(listing.errors)")
    let kept = "z" + String(repeating: "\u{0301}", count: 4) + "…-1"
    #expect(listing.output.contains(kept), "\(listing.output)")
    #expect(!listing.output.contains(String(repeating: "\u{0301}", count: 5)))
    let lines = listing.output.split(separator: "\n")
    let yearLine = try #require(lines.first { $0.contains("year-1") })
    let otherLine = try #require(lines.first { $0.contains("2024") || $0.contains("05-13") })
    #expect(yearLine.contains("0001-01-01") || yearLine.contains("01-01 00:00:00"), "\(yearLine)")
    #expect(!yearLine.contains(" 1-01-01"), "\(yearLine)")
    // The session id column starts at the same place on both lines.
    let yearColumn = yearLine.unicodeScalars.prefix { $0 != "y" }.count
    let otherColumn = otherLine.unicodeScalars.prefix { $0 != "z" }.count
    #expect(yearColumn == otherColumn, "\(listing.output)")

    let diagnosed = try CommandRunner.run(["diagnose", input.path, "--store", store])
    #expect(!diagnosed.output.contains(String(repeating: "\u{0301}", count: 5)), "\(diagnosed.output)")
  }

  @Test(arguments: [
    ["calls", "--mode", "x\u{1B}]0;title\u{07}"],
    ["calls", "--store", "/nonexistent/\u{1B}[2J\u{202E}.sqlite"],
    ["codes", "--table", "\u{1B}]52;c;eA==\u{07}"],
    ["rules", "show", "\u{1B}[31mx"],
    ["calls", "--\u{1B}[2Jbogus"],
  ])
  func hostileArgumentsAreNeutralisedInErrorMessages(arguments: [String]) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status != 0)
    #expect(!result.errors.isEmpty)
    expectSafe(result, arguments.joined(separator: " "))
  }
}
