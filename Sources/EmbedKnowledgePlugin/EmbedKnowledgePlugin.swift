import Foundation
import PackagePlugin

/// Embeds the top-level `Knowledge/` folder into the `PNSDoctorKnowledge` module at build time,
/// so that a built `pnsdoctor` carries its knowledge base wherever it is copied. The YAML stays
/// the single source: editing a rule and rebuilding is all it takes.
@main
struct EmbedKnowledgePlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let knowledge = context.package.directoryURL.appendingPathComponent("Knowledge")
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedKnowledgeFiles.swift")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(at: knowledge, includingPropertiesForKeys: nil) {
      for case let file as URL in walker where file.pathExtension == "yaml" || file.pathExtension == "md" {
        inputs.append(file)
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding the knowledge base (\(inputs.count) files)",
        executable: try context.tool(named: "KnowledgeEmbedder").url,
        arguments: [knowledge.path, output.path],
        inputFiles: inputs.sorted { $0.path < $1.path },
        outputFiles: [output])
    ]
  }
}
