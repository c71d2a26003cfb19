import CuratorSync

/// Every entry of every file of a list, with the indexes the duplicate, mirror and network rules
/// look entries up by.
///
/// The indexes are built by the first rule that asks for each, not when the list is read: built
/// up front they were half a millisecond in which one core worked and the other waited for the
/// rules to start, and built on demand they overlap the other core's rules.
public struct Catalog: Sendable {
    public let entries: [Entry]
    private let indexes: Indexes

    /// arXiv id (without version) → entry indexes, in document order.
    public var byArxivID: [String: [Int]] { indexes.value(.arxivID) { $0.arxivID } }
    /// Normalized title → entry indexes.
    public var byTitle: [String: [Int]] {
        indexes.value(.title) { $0.normalizedTitle.flatMap { $0.isEmpty ? nil : $0 } }
    }
    /// Repository key (lowercased owner/name) → entry indexes.
    public var byRepository: [String: [Int]] { indexes.value(.repository) { $0.repository?.key } }

    public init(entries: [Entry]) {
        self.entries = entries
        indexes = Indexes(entries: entries)
    }

    /// Entries of one file, in order.
    public func entries(inFile file: String) -> [Entry] {
        entries.filter { $0.file == file }
    }

    /// The three indexes, each made once, under its own lock, by whichever thread asks first.
    private final class Indexes: Sendable {
        enum Kind { case arxivID, title, repository }

        let entries: [Entry]
        let arxivIDs = Mutex<[String: [Int]]?>(nil)
        let titles = Mutex<[String: [Int]]?>(nil)
        let repositories = Mutex<[String: [Int]]?>(nil)

        init(entries: [Entry]) {
            self.entries = entries
        }

        func value(_ kind: Kind, key: (Entry) -> String?) -> [String: [Int]] {
            func made(_ stored: inout [String: [Int]]?) -> [String: [Int]] {
                if let stored { return stored }
                var index: [String: [Int]] = Dictionary(minimumCapacity: entries.count)
                for entry in entries {
                    if let key = key(entry) { index[key, default: []].append(entry.index) }
                }
                stored = index
                return index
            }
            switch kind {
            case .arxivID: return arxivIDs.withLock { made(&$0) }
            case .title: return titles.withLock { made(&$0) }
            case .repository: return repositories.withLock { made(&$0) }
            }
        }
    }
}
