/// A small deterministic random generator (SplitMix64): the same seed gives the same demo data
/// on every machine and every run, which `SystemRandomNumberGenerator` cannot promise.
struct DemoRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed &+ 0x9E37_79B9_7F4A_7C15
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < p
  }

  /// A uniform value in [0, 1).
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// `count` decimal digits.
  mutating func digits(_ count: Int) -> String {
    var text = ""
    text.reserveCapacity(count)
    for _ in 0..<count { text.unicodeScalars.append(Unicode.Scalar(UInt8(48 + next() % 10))) }
    return text
  }

  /// An element picked with the given weights.
  mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var point = unit() * total
    for (choice, weight) in choices {
      point -= weight
      if point < 0 { return choice }
    }
    return choices[choices.count - 1].0
  }
}
