import CuratorSync
import Foundation

/// Tells whether files below a root exist by reading each directory once.
///
/// Why not one `stat` per file: a list names a figure on most of its rows, nearly all in one or
/// two folders, and asking the file system about each (through `URL` path building and `stat`)
/// cost more than the rest of the figure check. A path with `.` or `..` components, or empty
/// ones, is asked about directly, so that listings never have to resolve paths.
public final class DirectoryListings: Sendable {
    private let root: String
    /// Names in each directory read so far (relative path, "" for the root); nil when the
    /// directory could not be read.
    private let listings = Mutex<[String: Set<String>?]>([:])

    public init(root: URL) {
        self.root = root.path.hasSuffix("/") ? root.path : root.path + "/"
    }

    /// Whether `path` (relative to the root, `/`-separated) names an existing file or directory.
    public func exists(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, !path.hasPrefix("/"),
            !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else {
            return FileManager.default.fileExists(atPath: path.hasPrefix("/") ? path : root + path)
        }
        return names(inFolder: components.dropLast().joined(separator: "/"))?.contains(String(name)) ?? false
    }

    /// The names in `folder` (relative to the root, "" for the root itself), read once; nil when
    /// it cannot be read.
    public func names(inFolder folder: String) -> Set<String>? {
        listings.withLock { cache in
            if let known = cache[folder] { return known }
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: root + folder)).map(Set.init)
            cache[folder] = listed
            return listed
        }
    }
}
