/// A record or an input that could not be read, with where and why.
///
/// Every problem the reader meets becomes one of these; nothing is skipped silently. The record
/// around it is rejected and reading goes on with the next one.
public struct ReadIssue: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Error, Sendable, Equatable {
    case cannotOpen(systemError: String)
    case cannotRead(systemError: String)
    /// The input holds no bytes at all.
    case emptyInput
    /// The input is text, but holds nothing that looks like a message.
    case noMessagesFound
    /// A compressed file (gzip, zip...) was given instead of its content.
    case compressed(format: String)
    /// UTF-16 text, as some Windows tools save it.
    case utf16
    /// The input is not text.
    case binary
    /// The record's JSON (or Python literal) is broken where `problem` says.
    case malformed(JSONParseFailure, problem: SourceLocation)
    /// Well-formed, but not a kind of message pnsdoctor knows.
    case notAMessage(keys: [String])
    /// A required field is missing.
    case missingField(path: String)
    /// A field holds a value that cannot be converted without losing information.
    case wrongType(path: String, expected: String, found: String)
    /// A time field that matches none of the platform's formats.
    case invalidTime(path: String, text: String)
    /// A CDR push whose `feeLst` holds no records.
    case emptyBatch
    /// An array that holds nothing: no message, where a message or a list of them was expected.
    case emptyArray
    /// More rejected parts of the same record than are described one by one; `count` of them.
    case furtherProblems(count: Int)
    /// Something inside a folder that is not a regular file (a FIFO, a device, a socket): not
    /// opened, since opening or reading it could wait for ever.
    case notRegularFile(kind: String)
  }

  public var reason: Reason
  /// Where the record (or the input) starts.
  public var location: SourceLocation

  public init(reason: Reason, at location: SourceLocation) {
    self.reason = reason
    self.location = location
  }

  /// How many rejected parts this issue stands for: the count of a `furtherProblems` summary,
  /// one otherwise. Counters of rejections add this, so that summarising loses no count.
  public var rejections: Int {
    if case .furtherProblems(let count) = reason { return count }
    return 1
  }

  /// What a file that is not a regular one is, as `notRegularFile` names it.
  public static func kindOfSpecialFile(mode: UInt32) -> String? {
    // The POSIX file type bits of `st_mode` (S_IFMT and its values, the same on every system).
    switch mode & 0o170000 {
    case 0o010000: "a named pipe (FIFO)"
    case 0o020000: "a character device"
    case 0o060000: "a block device"
    case 0o140000: "a socket"
    default: nil
    }
  }

  private static func chineseFileKind(_ kind: String) -> String {
    [
      "a named pipe (FIFO)": "命名管道（FIFO）", "a character device": "字符设备", "a block device": "块设备",
      "a socket": "套接字",
    ][kind] ?? kind
  }

  /// The most rejected parts of one record described one by one; the rest are counted in one
  /// `furtherProblems` issue.
  public static let describedPerRecord = 20

  /// `file:line:column: reason`, in English.
  public var description: String { message(in: .english) }

  /// `file:line:column: reason` in `language`.
  public func message(in language: Language) -> String {
    "\(location): \(explanation(in: language))"
  }

  /// The reason alone, as a person would want it explained.
  public func explanation(in language: Language) -> String {
    let l = language
    switch reason {
    case .cannotOpen(let error):
      return l.pick("cannot open: \(error)", "无法打开：\(error)")
    case .cannotRead(let error):
      return l.pick("cannot read: \(error)", "读取失败：\(error)")
    case .notRegularFile(let kind):
      return l.pick(
        "skipped: \(kind), not a regular file (name it on its own to read it)",
        "已跳过：\(Self.chineseFileKind(kind))，不是普通文件（单独指定它才会读取）")
    case .emptyInput:
      return l.pick("empty input: nothing to read", "输入为空，没有可读取的内容")
    case .noMessagesFound:
      return l.pick(
        "no call event, CDR, SMS notification or API response found in this input",
        "未发现任何呼叫事件、话单、短信通知或接口响应")
    case .compressed(let format):
      return l.pick(
        "this is a \(format)-compressed file; decompress it first (for example: zcat FILE | pnsdoctor import -)",
        "这是 \(format) 压缩文件，请先解压（例如：zcat FILE | pnsdoctor import -）")
    case .utf16:
      return l.pick(
        "this file is UTF-16 text; convert it first: iconv -f UTF-16 -t UTF-8 FILE",
        "该文件是 UTF-16 编码，请先转换：iconv -f UTF-16 -t UTF-8 FILE")
    case .binary:
      return l.pick("this is a binary file, not text", "这是二进制文件，不是文本")
    case .malformed(let failure, let problem):
      let at = problem.line > 0 ? " (\(problem.line):\(problem.column))" : ""
      return Self.describe(failure, in: l) + at
    case .notAMessage(let keys):
      let shown = keys.prefix(6).joined(separator: ", ") + (keys.count > 6 ? ", …" : "")
      return l.pick(
        "not a Privacy Number message (keys: \(shown))",
        "不是隐私号消息（字段：\(shown)）")
    case .missingField(let path):
      return l.pick("required field \(path) is missing", "缺少必填字段 \(path)")
    case .wrongType(let path, let expected, let found):
      return l.pick(
        "field \(path) should be \(expected) but holds \(found)",
        "字段 \(path) 应为\(Self.chineseKind(expected))，实际为 \(found)")
    case .invalidTime(let path, let text):
      return l.pick(
        "field \(path) is not a time: \"\(text)\" (expected yyyy-MM-dd HH:mm:ss, UTC)",
        "字段 \(path) 不是有效时间：\"\(text)\"（应为 yyyy-MM-dd HH:mm:ss，UTC）")
    case .emptyBatch:
      return l.pick("CDR push with an empty feeLst", "话单推送的 feeLst 为空")
    case .emptyArray:
      return l.pick("empty array: no message in it", "空数组：其中没有消息")
    case .furtherProblems(let count):
      return l.pick(
        "… and \(count) more rejected part(s) of this record, not described one by one",
        "…… 该记录另有 \(count) 处被拒绝，未逐条列出")
    }
  }

  private static func describe(_ failure: JSONParseFailure, in l: Language) -> String {
    switch failure {
    case .unexpectedEnd(let expected):
      return l.pick(
        "truncated record: the input ends where \(expected) was expected",
        "记录不完整：在应出现\(chineseExpectation(expected))处输入结束")
    case .unexpectedCharacter(let found, let expected):
      return l.pick(
        "broken record: found \(found) where \(expected) was expected",
        "记录格式错误：应为\(chineseExpectation(expected))，实际为 \(found.replacingByteWord())")
    case .invalidUTF8(let byte):
      let hex = String(byte, radix: 16, uppercase: true)
      return l.pick(
        "not UTF-8: byte 0x\(hex) inside a string (convert the file to UTF-8, e.g. iconv -f GBK -t UTF-8)",
        "不是 UTF-8 编码：字符串中有字节 0x\(hex)（请先转换为 UTF-8，例如 iconv -f GBK -t UTF-8）")
    case .tooDeep(let limit):
      return l.pick(
        "nested deeper than \(limit) levels; no platform message is, so this is not one",
        "嵌套超过 \(limit) 层，平台消息不会如此，已拒绝")
    case .tooLarge(let limit):
      let mebibytes = limit / (1 << 20)
      return l.pick(
        "record larger than \(mebibytes) MiB; platform messages are far smaller, so it was skipped",
        "记录超过 \(mebibytes) MiB，远大于平台消息，已跳过")
    case .lineBreakInString:
      return l.pick(
        "line break inside a string: the record was probably cut off at the end of its line",
        "字符串中出现换行：该记录很可能在行尾被截断")
    case .invalidEscape(let escape):
      return l.pick("invalid escape \(escape) in a string", "字符串中的转义 \(escape) 无效")
    case .invalidNumber(let text):
      return l.pick("invalid number \(text)", "无效数字 \(text)")
    }
  }

  /// The parser's "expected" phrases in Chinese; an unknown phrase is shown as it is.
  private static func chineseExpectation(_ expected: String) -> String {
    let phrases: [String: String] = [
      "a value": "一个值", "a key or '}'": "键或 '}'", "a quoted key or '}'": "带引号的键或 '}'",
      "':' after the key": "键后的 ':'", "',' or '}'": "',' 或 '}'", "a value or ']'": "值或 ']'",
      "',' or ']'": "',' 或 ']'", "digits": "数字", "the closing quote of a string": "字符串的结束引号",
      "an escape": "转义字符", "hex digits": "十六进制数字", "end of input": "输入结束",
    ]
    return " " + (phrases[expected] ?? expected) + " "
  }

  private static func chineseKind(_ expected: String) -> String {
    switch expected {
    case "an integer": return "整数"
    case "a string": return "字符串"
    case "an object": return "对象"
    case "an array": return "数组"
    default: return expected
    }
  }
}

extension String {
  /// "byte 0x0A" as "字节 0x0A", for Chinese messages.
  fileprivate func replacingByteWord() -> String {
    hasPrefix("byte ") ? "字节 " + dropFirst(5) : self
  }
}
