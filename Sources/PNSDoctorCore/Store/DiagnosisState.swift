/// Where a stored call or SMS stands with its diagnosis: the `diagnosis_state` column.
enum DiagnosisState: Int, Sendable {
  /// Not diagnosed yet, or marked for diagnosis again (new rules, new neighbours).
  case pending = 0
  /// Diagnosed from its own messages.
  case diagnosed = 1
  /// Diagnosed with the help of neighbouring calls: more calls nearby may change the answer.
  case dependsOnNeighbours = 2
}
