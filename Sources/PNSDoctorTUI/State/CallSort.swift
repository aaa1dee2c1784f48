public import PNSDoctorCore

/// Orders of the call list (`s` cycles).
public enum CallSort: Int, Sendable, CaseIterable {
  case newest, oldest, longestRing, mode

  public var label: LocalizedText {
    switch self {
    case .newest: return LocalizedText(english: "newest", chinese: "最新")
    case .oldest: return LocalizedText(english: "oldest", chinese: "最早")
    case .longestRing: return LocalizedText(english: "ring time", chinese: "振铃时长")
    case .mode: return LocalizedText(english: "mode", chinese: "模式")
    }
  }
}
