import Foundation

/// The files of one list, read and parsed, with the list's root for relative paths.
public struct Workspace: Sendable {
    /// The list's root directory: file patterns and local figures are relative to it.
    public let root: URL
    public let ruleset: CompiledRuleset
    /// Parsed documents with their list-relative paths, in a stable order.
    public let documents: [(document: Document, relativePath: String)]
    /// Position in `documents` by display path: rules look documents up for every finding.
    private let documentIndex: [String: Int]
    /// Each document's disabling comments, by display path: found while the file is read, on
    /// the core that reads it, instead of in a pass of their own.
    public let suppressions: [String: Suppressions]
    public let catalog: Catalog

    /// Reads `paths` (files, or directories searched for the ruleset's files).
    ///
    /// - Parameters:
    ///   - workingDirectory: findings show paths relative to it.
    ///   - root: the list root; defaults to the first directory argument, or the first file's folder.
    public init(
        paths: [String], ruleset: CompiledRuleset, workingDirectory: URL, root: URL? = nil
    ) throws(InputError) {
        self.ruleset = ruleset
        let fileManager = FileManager.default
        var files: [URL] = []
        var listRoot = root
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                if listRoot == nil { listRoot = url }
                let found = Workspace.listFiles(in: url, ruleset: ruleset.ruleset)
                if found.isEmpty {
                    throw InputError(
                        path: path,
                        message:
                            "no list files here (the ruleset '\(ruleset.ruleset.name)' reads \(ruleset.ruleset.files.include.joined(separator: ", ")))"
                    )
                }
                files += found
            } else {
                if listRoot == nil { listRoot = url.deletingLastPathComponent() }
                files.append(url)
            }
        }
        let resolvedRoot = (listRoot ?? workingDirectory).standardizedFileURL
        self.root = resolvedRoot
        var seen: Set<String> = []
        let unique = files.filter { seen.insert($0.path).inserted }
        // Files are read, parsed and their entries extracted in parallel; entries are numbered
        // afterwards in file order, so the catalog is the same as a sequential read's.
        // Largest files first, so that the last file to finish is a small one and both cores stay
        // busy to the end; results are put back in file order.
        let sizes = unique.map { url -> Int in
            var status = stat()
            return stat(url.path, &status) == 0 ? Int(status.st_size) : 0
        }
        let schedule = unique.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        var scheduled = concurrentMap(unique.count) {
            position -> Result<(Document, String, [Entry.Fields], Suppressions), InputError> in
            let file = unique[schedule[position]]
            let relative = Workspace.relativePath(of: file, to: resolvedRoot)
            return Result { () throws(InputError) in
                let document = try Document.read(
                    at: file, displayPath: Workspace.relativePath(of: file, to: workingDirectory))
                let extractor = EntryExtractor(ruleset: ruleset, document: document, relativePath: relative)
                return (
                    document, relative, extractor.fields(firstIndex: 0), Suppressions(source: document.source)
                )
            }
        }
        var documentsByFile: [(Document, String)?] = Array(repeating: nil, count: unique.count)
        var fieldsByFile: [[Entry.Fields]] = Array(repeating: [], count: unique.count)
        var suppressions: [String: Suppressions] = [:]
        var firstError: (file: Int, error: InputError)?
        for (position, result) in scheduled.enumerated() {
            let file = schedule[position]
            switch result {
            case .success(let (document, relative, fields, found)):
                documentsByFile[file] = (document, relative)
                fieldsByFile[file] = fields
                if suppressions[document.path] == nil { suppressions[document.path] = found }
            case .failure(let error):
                if firstError.map({ file < $0.file }) ?? true { firstError = (file, error) }
            }
        }
        if let firstError { throw firstError.error }
        // The results go before the fields are moved out, so that each file's fields are held
        // once and move instead of being copied.
        scheduled = []
        var entries: [Entry] = []
        for file in fieldsByFile.indices {
            entries += Entry.moving(&fieldsByFile[file], firstIndex: entries.count)
        }
        let documents = documentsByFile.map { $0! }
        self.documents = documents
        self.documentIndex = Workspace.index(documents)
        self.suppressions = suppressions
        self.catalog = Catalog(entries: entries)
    }

    /// Builds a workspace from texts in memory, as rule examples and tests do.
    public init(files: [(relativePath: String, text: String)], ruleset: CompiledRuleset, root: URL) throws(InputError) {
        self.ruleset = ruleset
        self.root = root
        var documents: [(Document, String)] = []
        var entries: [Entry] = []
        for file in files {
            let document = try Document(path: file.relativePath, bytes: Array(file.text.utf8))
            let extractor = EntryExtractor(ruleset: ruleset, document: document, relativePath: file.relativePath)
            entries += extractor.entries(firstIndex: entries.count)
            documents.append((document, file.relativePath))
        }
        self.documents = documents
        self.documentIndex = Workspace.index(documents)
        var suppressions: [String: Suppressions] = [:]
        for (document, _) in documents where suppressions[document.path] == nil {
            suppressions[document.path] = Suppressions(source: document.source)
        }
        self.suppressions = suppressions
        self.catalog = Catalog(entries: entries)
    }

    public func document(named path: String) -> Document? {
        documentIndex[path].map { documents[$0].document }
    }

    private static func index(_ documents: [(Document, String)]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, (document, _)) in documents.enumerated() where index[document.path] == nil {
            index[document.path] = position
        }
        return index
    }

    /// The list's files below `directory` that the ruleset includes, sorted by path.
    static func listFiles(in directory: URL, ruleset: Ruleset) -> [URL] {
        let skipped: Set<String> = [".git", ".build", "node_modules", ".curator", ".swiftpm"]
        let include = ruleset.files.include
        let exclude = ruleset.files.exclude ?? []
        // A `*` never crosses a `/`, so a pattern of n components matches only paths n deep, and
        // no folder deeper than the deepest pattern is read: a list's figures folder, often
        // hundreds of images, is read once and nothing below it.
        let depth = include.map { $0.split(separator: "/", omittingEmptySubsequences: false).count }.max() ?? 0
        let base = directory.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        var result: [String] = []
        func visit(_ relativeFolder: String, level: Int) {
            guard level < depth,
                let names = try? FileManager.default.contentsOfDirectory(atPath: prefix + relativeFolder)
            else { return }
            for name in names {
                if skipped.contains(name) || name.hasPrefix(".build") { continue }
                let relative = relativeFolder + name
                var status = stat()
                // Only a folder the patterns reach into is worth a look at what each name is; in
                // the deepest one a name matters only if a pattern matches it.
                if level + 1 < depth {
                    guard lstat(prefix + relative, &status) == 0 else { continue }
                    if status.st_mode & S_IFMT == S_IFDIR {
                        visit(relative + "/", level: level + 1)
                        continue
                    }
                }
                guard include.contains(where: { Glob.matches($0, relative) }),
                    !exclude.contains(where: { Glob.matches($0, relative) }),
                    stat(prefix + relative, &status) == 0, status.st_mode & S_IFMT == S_IFREG
                else { continue }
                result.append(prefix + relative)
            }
        }
        visit("", level: 0)
        return result.sorted().map { URL(fileURLWithPath: $0) }
    }

    /// `url` relative to `base` when it lies below it, else the absolute path.
    public static func relativePath(of url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path
        var basePath = base.standardizedFileURL.path
        if !basePath.hasSuffix("/") { basePath += "/" }
        if path.hasPrefix(basePath) { return String(path.dropFirst(basePath.count)) }
        // Walk up from the base so that ../shared/... style paths stay readable.
        let pathParts = path.split(separator: "/")
        let baseParts = basePath.split(separator: "/")
        var common = 0
        while common < min(pathParts.count, baseParts.count), pathParts[common] == baseParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        return (ups + pathParts[common...].map(String.init)).joined(separator: "/")
    }
}
