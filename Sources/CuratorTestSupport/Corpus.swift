import Foundation

/// The real list in `../shared/corpus` beside the repository, which CI always has and a user's
/// clone may not. Tests that read it run when it is there; without it they are skipped and say
/// so, except under CI (`CI=true`), where its absence is a failure.
public enum Corpus {
    /// The repository's root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus/awesome-efficient-llm` relative to the repository root.
    public static let listDirectory =
        repositoryRoot
        .appendingPathComponent("../shared/corpus/awesome-efficient-llm").standardizedFileURL

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: listDirectory.appendingPathComponent("README.md").path)
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether corpus tests should run: the corpus is there, or CI requires it (and the test fails).
    public static var shouldRun: Bool { isAvailable || isRequired }

    public static let skipNote = "../shared/corpus is not beside this clone; corpus tests skipped"

    /// The markdown files of the list, relative to `listDirectory`, sorted.
    public static func markdownFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: listDirectory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// A writable copy of the list in a new temporary folder (the shared folder is read-only in CI).
    public static func temporaryCopy() throws -> URL {
        let destination = FileManager.default.temporaryDirectory
            .appendingPathComponent("curator-corpus-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: listDirectory, to: destination)
        // Copies keep the read-only mode of the source; make them writable.
        if let enumerator = FileManager.default.enumerator(atPath: destination.path) {
            for case let path as String in enumerator {
                try? FileManager.default.setAttributes(
                    [.posixPermissions: 0o755], ofItemAtPath: destination.appendingPathComponent(path).path)
            }
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: destination.path)
        return destination
    }
}
