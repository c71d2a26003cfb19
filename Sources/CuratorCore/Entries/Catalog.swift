import CuratorSync

/// Every entry of every file of a list, with the indexes the duplicate, mirror and network rules
/// look entries up by.
///
/// The indexes are built by the first rule that asks for each, not when the list is read: built
/// up front they were half a millisecond in which one core worked and the other waited for the
/// rules to start, and built on demand they overlap the other core's rules.
public struct Catalog: Sendable {
    public let entries: [Entry]
    private let arxivIDs: Index<ArxivID>
    private let titles: Index<String>
    private let repositories: Index<RepositoryName>

    /// arXiv id → entry indexes, in document order.
    public var byArxivID: [ArxivID: [Int]] { arxivIDs.value { $0.arxivID } }
    /// Normalized title → entry indexes.
    public var byTitle: [String: [Int]] {
        titles.value { $0.normalizedTitle.flatMap { $0.isEmpty ? nil : $0 } }
    }
    /// Repository (of the code link, compared without case) → entry indexes.
    public var byRepository: [RepositoryName: [Int]] { repositories.value { $0.repository } }

    public init(entries: [Entry]) {
        self.entries = entries
        arxivIDs = Index(entries: entries)
        titles = Index(entries: entries)
        repositories = Index(entries: entries)
    }

    /// Entries of one file, in order.
    public func entries(inFile file: String) -> [Entry] {
        entries.filter { $0.file == file }
    }

    /// Entry indexes by one key, made once, under its own lock, by whichever thread asks first.
    private final class Index<Key: Hashable & Sendable>: Sendable {
        let entries: [Entry]
        let made = Mutex<[Key: [Int]]?>(nil)

        init(entries: [Entry]) {
            self.entries = entries
        }

        func value(key: (Entry) -> Key?) -> [Key: [Int]] {
            made.withLock { stored in
                if let stored { return stored }
                var index: [Key: [Int]] = Dictionary(minimumCapacity: entries.count)
                for entry in entries {
                    if let key = key(entry) { index[key, default: []].append(entry.index) }
                }
                stored = index
                return index
            }
        }
    }
}
