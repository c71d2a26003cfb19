/// Every entry of every file of a list, with the indexes the duplicate, mirror and network rules
/// look entries up by.
public struct Catalog: Sendable {
    public let entries: [Entry]
    /// arXiv id (without version) → entry indexes, in document order.
    public let byArxivID: [String: [Int]]
    /// Normalized title → entry indexes.
    public let byTitle: [String: [Int]]
    /// Repository key (lowercased owner/name) → entry indexes.
    public let byRepository: [String: [Int]]

    public init(entries: [Entry]) {
        self.entries = entries
        var arxiv: [String: [Int]] = [:]
        var titles: [String: [Int]] = [:]
        var repositories: [String: [Int]] = [:]
        for entry in entries {
            if let id = entry.arxivID { arxiv[id, default: []].append(entry.index) }
            if let title = entry.normalizedTitle, !title.isEmpty { titles[title, default: []].append(entry.index) }
            if let repository = entry.repository { repositories[repository.key, default: []].append(entry.index) }
        }
        byArxivID = arxiv
        byTitle = titles
        byRepository = repositories
    }

    /// Entries of one file, in order.
    public func entries(inFile file: String) -> [Entry] {
        entries.filter { $0.file == file }
    }
}
