/// The knowledge base that ships inside the program: every YAML file of the top-level
/// `Knowledge/` folder, embedded at build time by `EmbedKnowledgePlugin`.
public enum BundledKnowledge {
  /// Each file's path relative to `Knowledge/` (`rules/callee/callee-powered-off.yaml`) and text.
  public static var files: [(path: String, text: String)] { embeddedKnowledgeFiles }
}
