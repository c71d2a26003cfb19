import CuratorCore

/// Where each entry belongs for the duplicate and mirror rules, and what may be compared with what.
///
/// Every entry sits in a scope. An ordinary entry's scope is its file. A row of the mirror file
/// (the README) under a heading the ruleset maps to a topic file is a *mirror copy*: its scope is
/// that pair (README, topic file), so two copies under the same heading are still duplicates of
/// each other, but a copy is never a duplicate of its own topic file's row (that is the point of
/// the mirror) nor of any other file's row (the topic files themselves already say whether a paper
/// sits in two topics, and saying it again for the README copies would report one defect twice).
final class DuplicateScopes: Sendable {
    /// The scopes of the list being linted, worked out once for the five rules that read them.
    static func shared(_ context: LintContext) -> DuplicateScopes {
        context.shared.value("duplicate-scopes") { DuplicateScopes(context) }
    }

    enum Scope: Hashable {
        case file(String)
        /// The mirror file's display path and the topic file's list-relative path.
        case mirror(file: String, topic: String)

        var isMirror: Bool {
            if case .mirror = self { return true }
            return false
        }
    }

    let catalog: Catalog
    /// Display path → list-relative path, and back.
    private let relativeByDisplay: [String: String]
    private let displayByRelative: [String: String]
    private let mirrors: MirrorMap?
    private let formats: [String: EntryFormat]

    // What the rules ask about every entry, worked out once per check and indexed by the entry's
    // position in the catalog: the rules compare entries pairwise, and deriving scopes and kinds
    // (string hashing, section lookups) on every comparison dominated their time.

    /// The topic file a mirror copy copies, nil for ordinary entries.
    private let topics: [String?]
    /// The scope, as a number: two entries share a scope exactly when their numbers are equal.
    private let scopeIDs: [Int]
    /// The kind (`kind(of:)`), as a number.
    let kindIDs: [Int]
    /// The group an ordinary entry may have copies in under `duplicates.scope`: one number for the
    /// whole list, one per file, or one per section of a file.
    private let groupIDs: [Int]
    /// The rank of the list-relative path among all of them, which orders as the path does.
    private let pathRanks: [Int]
    /// The rank of each list-relative path that holds entries.
    private let rankByPath: [String: Int]

    init(_ context: LintContext) {
        catalog = context.catalog
        var relative: [String: String] = [:]
        var display: [String: String] = [:]
        for (document, path) in context.workspace.documents {
            relative[document.path] = path
            display[path] = document.path
        }
        relativeByDisplay = relative
        displayByRelative = display
        let mirrors = context.ruleset.ruleset.mirrors
        self.mirrors = mirrors
        var formats: [String: EntryFormat] = [:]
        for format in context.ruleset.ruleset.formats { formats[format.id] = format }
        self.formats = formats

        let entries = catalog.entries
        var relativePaths: [String] = []
        var topics: [String?] = []
        var scopes: [Int] = []
        var kinds: [Int] = []
        relativePaths.reserveCapacity(entries.count)
        topics.reserveCapacity(entries.count)
        scopes.reserveCapacity(entries.count)
        kinds.reserveCapacity(entries.count)
        var scopeNumbers: [Scope: Int] = [:]
        let groupScope = context.ruleset.ruleset.duplicates?.scope ?? .list
        var groups: [Int] = []
        groups.reserveCapacity(entries.count)
        var groupNumbers: [[String]: Int] = [:]
        var kindNumbers: [String: Int] = [:]
        // Entries of one file follow each other, so the file's facts are looked up once per run,
        // and so are the scope and kind while they stay those of the entry before.
        var lastFile: String?
        var lastRelative = ""
        var lastIsMirrorFile = false
        var lastTopic: String?
        var lastScope = -1
        var lastFormatID: String?
        var lastKind = -1
        context.catalog.forEachEntry { entry in
            var sameFile = true
            if entry.file != lastFile {
                sameFile = false
                lastFile = entry.file
                let found = relative[entry.file]
                lastRelative = found ?? entry.file
                lastIsMirrorFile = mirrors != nil && found == mirrors?.file
            }
            relativePaths.append(lastRelative)
            var topic: String?
            if lastIsMirrorFile, let mirrors {
                for heading in entry.sectionPath.reversed() {
                    if let mapped = mirrors.sections[heading] {
                        topic = mapped
                        break
                    }
                }
            }
            topics.append(topic)
            if !(sameFile && lastScope >= 0 && topic == lastTopic) {
                let scope: Scope
                if let topic { scope = .mirror(file: entry.file, topic: topic) } else { scope = .file(entry.file) }
                let scopeCount = scopeNumbers.count
                lastScope = scopeNumbers[scope, default: scopeCount]
                if lastScope == scopeCount { scopeNumbers[scope] = scopeCount }
                lastTopic = topic
            }
            scopes.append(lastScope)
            switch groupScope {
            case .list: groups.append(0)
            case .file, .section:
                let key = groupScope == .file ? [entry.file] : [entry.file] + entry.sectionPath
                let groupCount = groupNumbers.count
                let group = groupNumbers[key, default: groupCount]
                if group == groupCount { groupNumbers[key] = groupCount }
                groups.append(group)
            }
            // Papers are one kind; named items are numbered by format (see `kind(of:)`).
            let isPaper = entry.title != nil
            if !(lastKind >= 0 && (isPaper ? lastFormatID == nil : lastFormatID == entry.formatID)) {
                let kind = DuplicateScopes.kind(of: entry)
                let kindCount = kindNumbers.count
                lastKind = kindNumbers[kind, default: kindCount]
                if lastKind == kindCount { kindNumbers[kind] = kindCount }
                lastFormatID = isPaper ? nil : entry.formatID
            }
            kinds.append(lastKind)
        }
        let rankByPath = Dictionary(
            uniqueKeysWithValues: Set(relativePaths).sorted().enumerated().map { ($0.element, $0.offset) })
        self.rankByPath = rankByPath
        self.topics = topics
        scopeIDs = scopes
        kindIDs = kinds
        groupIDs = groups
        // Entries of one file follow each other, so a rank is looked up once per run of them.
        var ranks: [Int] = []
        ranks.reserveCapacity(relativePaths.count)
        var previous: (path: String, rank: Int)?
        for path in relativePaths {
            if let previous, previous.path == path {
                ranks.append(previous.rank)
                continue
            }
            let rank = rankByPath[path]!
            previous = (path, rank)
            ranks.append(rank)
        }
        pathRanks = ranks
    }

    /// The topic file (list-relative path) a mirror copy copies, when `entry` is one. The nearest
    /// heading above the row that the ruleset maps decides, so a subheading inside a mirrored
    /// section keeps its rows mirrored.
    func mirroredTopic(of entry: Entry) -> String? { topics[entry.index] }

    /// Whether the entry at `index` is a mirror copy.
    func isMirror(_ index: Int) -> Bool { topics[index] != nil }

    /// Whether the entries at two indexes sit in the same scope.
    func sameScope(_ first: Int, _ second: Int) -> Bool { scopeIDs[first] == scopeIDs[second] }

    /// Whether two entries may be reported as copies of each other: both in the same scope, or
    /// both ordinary entries of one group of `duplicates.scope` (by default the whole list).
    func comparable(_ first: Int, _ second: Int) -> Bool {
        guard groupIDs[first] == groupIDs[second] else { return false }
        return scopeIDs[first] == scopeIDs[second] || (topics[first] == nil && topics[second] == nil)
    }

    /// Papers are compared with papers and named items (projects, leaderboards) with items of
    /// their own format: a project that links its paper is not a second listing of the paper.
    static func kind(of entry: Entry) -> String {
        entry.title != nil ? "paper" : "item:\(entry.formatID)"
    }

    /// The topic file's copies of a README mirror copy, as catalog indexes: entries of that file
    /// with the same arXiv id, else the same normalized title, else the same repository. Nil when
    /// the entry is no mirror copy or the workspace does not hold its topic file (a README linted
    /// alone).
    func counterparts(of index: Int) -> (topicFile: String, copies: [Int])? {
        guard let topic = topics[index], let topicFile = displayPath(ofTopic: topic) else { return nil }
        let entries = catalog.entries
        let kind = kindIDs[index]
        // Files compared by rank, not by path: on a list with many copies of a paper this filter
        // runs for every README row over every copy.
        guard let topicRank = rankByPath[topic] else { return (topicFile, []) }
        func copies(_ indexes: [Int]?) -> [Int] {
            (indexes ?? []).filter { pathRanks[$0] == topicRank && kindIDs[$0] == kind }
        }
        var found: [Int] = []
        if let id = entries[index].arxivID { found = copies(catalog.byArxivID[id]) }
        if found.isEmpty, let title = entries[index].normalizedTitle, !title.isEmpty {
            found = copies(catalog.byTitle[title])
        }
        if found.isEmpty, let repository = entries[index].repository {
            found = copies(catalog.byRepository[repository])
        }
        return (topicFile, found)
    }

    /// The display path of a topic file when the workspace has it.
    func displayPath(ofTopic topic: String) -> String? { displayByRelative[topic] }

    /// Whether entries of this format have a figure at all (bullets have none).
    func hasImageColumn(_ entry: Entry) -> Bool {
        formats[entry.formatID]?.columns?.contains(.image) ?? false
    }

    /// Entry indexes in the order copies are reported: the first by list path and line is the
    /// original, each later one the copy.
    func sorted(_ indexes: [Int]) -> [Int] {
        let entries = catalog.entries
        return indexes.sorted { (pathRanks[$0], entries[$0].line) < (pathRanks[$1], entries[$1].line) }
    }

    /// `file:line`, or just `line N` when the other entry is in the same file.
    static func place(of other: Entry, from entry: Entry) -> String {
        other.file == entry.file ? "line \(other.line)" : "\(other.file):\(other.line)"
    }

    /// Where findings about an entry point: its title (or name), else the row itself.
    static func anchor(of entry: Entry) -> Int {
        entry.title?.range.lowerBound ?? entry.name?.range.lowerBound ?? entry.range.lowerBound
    }

    /// A short quotation of `text`, starting shortly before `from` when the interesting part lies
    /// far into it, so that two long texts that differ late still read differently.
    static func quote(_ text: String, from offset: Int = 0, limit: Int = 60) -> String {
        let characters = Array(text)
        var start = offset > 20 ? offset - 12 : 0
        // Start at a word, so that the quotation does not open with a broken one.
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        let end = min(characters.count, start + limit)
        let body = String(characters[start..<end])
        return "\"" + (start > 0 ? "…" : "") + body + (end < characters.count ? "…" : "") + "\""
    }

    /// Both texts quoted from a little before their first difference.
    static func quoteDifference(_ first: String, _ second: String) -> (String, String) {
        let a = Array(first)
        let b = Array(second)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        return (quote(first, from: common), quote(second, from: common))
    }

    /// Collapses runs of whitespace, so that spacing alone never counts as a difference.
    static func collapsed(_ text: String) -> String {
        // Most fields are already collapsed; finding that out byte by byte is far cheaper than
        // splitting on Unicode whitespace.
        var previousWasSpace = true
        var clean = true
        for byte in text.utf8 {
            let isSpace = byte == 0x20
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0x80 || (isSpace && previousWasSpace) {
                clean = false
                break
            }
            previousWasSpace = isSpace
        }
        if clean && !previousWasSpace { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
