/// Why the store could not be opened or written.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure it is, which decides the advice given.
  public enum Kind: Sendable, Equatable {
    /// The file or its folder cannot be created or opened.
    case cannotOpen
    /// The store was written by a newer pnsdoctor, whose schema this one does not know.
    case newerSchema
    /// The file is not a pnsdoctor store, or is damaged.
    case notAStore
    /// SQLite refused an operation.
    case database
  }

  public var kind: Kind
  public var path: String
  public var detail: String

  public init(_ kind: Kind, path: String, detail: String) {
    self.kind = kind
    self.path = path
    self.detail = detail
  }

  public var description: String { message(in: .english) }

  /// The failure explained, with what to do, in `language`.
  public func message(in language: Language) -> String {
    switch kind {
    case .cannotOpen:
      return language.pick("cannot open the store \(path): \(detail)", "无法打开存储 \(path)：\(detail)")
    case .newerSchema:
      return language.pick(
        "the store \(path) was written by a newer pnsdoctor; upgrade pnsdoctor or use another --store",
        "存储 \(path) 由更新版本的 pnsdoctor 创建；请升级 pnsdoctor 或用 --store 指定其他存储")
    case .notAStore:
      return language.pick(
        "\(path) is not a pnsdoctor store or is damaged: \(detail)",
        "\(path) 不是 pnsdoctor 存储或已损坏：\(detail)")
    case .database:
      return language.pick("store error in \(path): \(detail)", "存储 \(path) 出错：\(detail)")
    }
  }
}
