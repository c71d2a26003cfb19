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
        // The three indexes are built side by side: on the critical path between reading the
        // files and running the rules, nothing else is running.
        let keys: [@Sendable (Entry) -> String?] = [
            { $0.arxivID },
            { entry in entry.normalizedTitle.flatMap { $0.isEmpty ? nil : $0 } },
            { $0.repository?.key },
        ]
        let indexes = concurrentMap(keys.count) { which in
            var index: [String: [Int]] = Dictionary(minimumCapacity: entries.count)
            for entry in entries {
                if let key = keys[which](entry) { index[key, default: []].append(entry.index) }
            }
            return index
        }
        byArxivID = indexes[0]
        byTitle = indexes[1]
        byRepository = indexes[2]
    }

    /// Entries of one file, in order.
    public func entries(inFile file: String) -> [Entry] {
        entries.filter { $0.file == file }
    }
}
