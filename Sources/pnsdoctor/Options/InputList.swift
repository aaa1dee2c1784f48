import Foundation
import PNSDoctorCore

/// The files an import will read, with folders expanded.
struct InputList {
  struct File {
    var path: String
    var size: Int
  }

  var files: [File] = []
  var issues: [ReadIssue] = []

  static func expand(_ paths: [String]) -> InputList {
    var list = InputList()
    let manager = FileManager.default
    for path in paths {
      if path == "-" {
        list.files.append(File(path: "-", size: 0))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        list.issues.append(
          ReadIssue(reason: .cannotOpen(systemError: "no such file or folder"), at: SourceLocation(source: path)))
        continue
      }
      guard isDirectory.boolValue else {
        list.files.append(File(path: path, size: size(of: path)))
        continue
      }
      let children = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
      for child in children {
        let components = child.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { continue }
        let full = path.hasSuffix("/") ? path + child : path + "/" + child
        var status = stat()
        guard stat(full, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { continue }
        if let kind = ReadIssue.kindOfSpecialFile(mode: UInt32(status.st_mode)) {
          // Opening a FIFO or a device found in a folder could wait for ever, or read without
          // end: said, not read. Named on its own, it is read (`import <(command)` is a pipe).
          list.issues.append(ReadIssue(reason: .notRegularFile(kind: kind), at: SourceLocation(source: full)))
          continue
        }
        list.files.append(File(path: full, size: Int(status.st_size)))
      }
    }
    return list
  }

  private static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}
