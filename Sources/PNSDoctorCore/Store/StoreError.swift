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
    /// There is no store at the path, and the command does not create one.
    case missing
    /// The store was made by an earlier pnsdoctor; reading it needs `pnsdoctor store migrate`.
    case outdated
    /// The store, or its folder, cannot be written.
    case readOnly
    /// Another process held the store's lock for longer than the wait allows.
    case busy
    /// The disk (or the quota) is full.
    case full
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
    case .missing:
      return language.pick(
        "no store at \(path): import something first (pnsdoctor import FILE), check --store, or try pnsdoctor --demo",
        "\(path) 处没有存储：请先导入（pnsdoctor import FILE），检查 --store，或试用 pnsdoctor --demo")
    case .outdated:
      return language.pick(
        "the store \(path) was made by an earlier pnsdoctor; run pnsdoctor store migrate --store \(path) (or import into it) to bring it up to date, nothing is read until then",
        "存储 \(path) 由较早版本的 pnsdoctor 创建；请运行 pnsdoctor store migrate --store \(path)（或向其导入）升级，升级前不读取其内容")
    case .readOnly:
      return language.pick(
        "the store \(path) cannot be written (read-only file, folder or disk: \(detail)); copy it somewhere writable and use --store",
        "存储 \(path) 不可写（文件、目录或磁盘只读：\(detail)）；请复制到可写位置并用 --store 指定")
    case .busy:
      return language.pick(
        "the store \(path) stayed locked by another process (\(detail)); try again when it is done",
        "存储 \(path) 一直被其他进程锁定（\(detail)）；请等其结束后重试")
    case .full:
      return language.pick(
        "the disk holding \(path) is full (\(detail)); everything stored before this batch is kept, free some space and run again",
        "\(path) 所在磁盘已满（\(detail)）；此前已存储的内容均保留，请释放空间后重试")
    case .database:
      return language.pick("store error in \(path): \(detail)", "存储 \(path) 出错：\(detail)")
    }
  }
}
