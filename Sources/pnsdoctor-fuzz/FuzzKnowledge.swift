import Foundation
import PNSDoctorCore

/// The knowledge base the fuzz targets run against, read once from the Knowledge folder
/// (`PNSDOCTOR_KNOWLEDGE`, else `Knowledge` in the working directory). It is read from disk, not
/// embedded: the embedding plugin's tool would otherwise be built with the fuzzer's flags too.
struct FuzzKnowledge: Sendable {
  let base: KnowledgeBase

  static let shared: FuzzKnowledge = {
    let folder = ProcessInfo.processInfo.environment["PNSDOCTOR_KNOWLEDGE"] ?? "Knowledge"
    let (base, _) = KnowledgeLoader.load(directory: URL(fileURLWithPath: folder))
    if base.tables.isEmpty {
      FileHandle.standardError.write(Data("pnsdoctor-fuzz: no code tables in \(folder)\n".utf8))
      exit(2)
    }
    return FuzzKnowledge(base: base)
  }()

  /// Where a fuzzed rule file is said to live: `rules/<category>/<id>.yaml` from its own `id:`
  /// and `category:` lines when it has them, so that a mutated real rule can load whole and its
  /// examples run; `rules/fuzz/fuzz.yaml` otherwise.
  static func rulePath(for text: String) -> String {
    var id = "fuzz"
    var category = "fuzz"
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(40) {
      if line.hasPrefix("id: ") { id = Self.pathSafe(line.dropFirst(4)) ?? id }
      if line.hasPrefix("category: ") { category = Self.pathSafe(line.dropFirst(10)) ?? category }
    }
    return "rules/\(category)/\(id).yaml"
  }

  private static func pathSafe(_ value: Substring) -> String? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    else { return nil }
    return trimmed
  }
}
