import ArgumentParser

/// Text for people, or JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, table
}
