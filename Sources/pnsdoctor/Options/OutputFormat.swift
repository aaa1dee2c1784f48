import ArgumentParser

/// Text for people, or JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// A listing's format: an aligned table for people, or JSON for scripts.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
