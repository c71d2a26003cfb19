import CuratorCore
import Foundation

/// Verdicts and entity facts from earlier runs, with the time each was established.
///
/// The file holds absolute times rather than relying on file dates, so a copy restored by a CI
/// cache step is as good as the original. Only settled outcomes are stored (see
/// `LinkVerdict.isCacheable`): a timeout today says nothing about tomorrow. A stored `dead` is
/// kept as history but never trusted: the checker asks again before it can fail a run.
public struct LinkCache: Sendable, Codable {
    public struct Record<Value: Sendable & Codable>: Sendable, Codable {
        public var value: Value
        public var checkedAt: Date
        /// The GitHub REST validator, for repositories.
        public var etag: String?

        public init(value: Value, checkedAt: Date, etag: String? = nil) {
            self.value = value
            self.checkedAt = checkedAt
            self.etag = etag
        }
    }

    public static let formatVersion = 1
    /// The default file, relative to the list's root.
    public static let defaultPath = ".curator/links.json"

    public var version = LinkCache.formatVersion
    public var links: [String: Record<LinkVerdict>] = [:]
    public var repositories: [String: Record<RepositoryFacts>] = [:]
    public var papers: [String: Record<PaperFacts>] = [:]

    public init() {}

    /// Reads a cache file. A missing, unreadable or foreign file is an empty cache: the cache
    /// only ever saves work, so a broken one must not stop a run.
    public static func load(from url: URL) -> LinkCache {
        guard let data = try? Data(contentsOf: url) else { return LinkCache() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let cache = try? decoder.decode(LinkCache.self, from: data), cache.version == formatVersion else {
            return LinkCache()
        }
        return cache
    }

    /// Writes the cache atomically, creating its folder.
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try AtomicWriter.write(Array(try encoder.encode(self)), to: url)
    }

    /// A verdict recent enough to reuse; dead ones never are.
    func reusableVerdict(for url: String, now: Date, maxAge: TimeInterval) -> LinkVerdict? {
        guard let record = links[url], now.timeIntervalSince(record.checkedAt) <= maxAge,
            record.value.isCacheable, !record.value.isDead
        else { return nil }
        return record.value
    }

    /// Repository facts recent enough to reuse; a missing repository is always asked again.
    func reusableRepository(_ key: String, now: Date, maxAge: TimeInterval) -> RepositoryFacts? {
        guard let record = repositories[key], now.timeIntervalSince(record.checkedAt) <= maxAge,
            record.value.state == .found
        else { return nil }
        return record.value
    }

    func reusablePaper(_ id: String, now: Date, maxAge: TimeInterval) -> PaperFacts? {
        guard let record = papers[id], now.timeIntervalSince(record.checkedAt) <= maxAge, record.value.state != .unknown
        else { return nil }
        return record.value
    }

    mutating func store(_ verdict: LinkVerdict, for url: String, at time: Date) {
        guard verdict.isCacheable else {
            // A failure must not leave an older success standing in for it.
            links[url] = nil
            return
        }
        links[url] = Record(value: verdict, checkedAt: time)
    }

    /// Drops records so old that they would never be reused; repository records with a validator
    /// stay, because a conditional request on them costs nothing.
    mutating func prune(now: Date, maxAge: TimeInterval) {
        links = links.filter { now.timeIntervalSince($0.value.checkedAt) <= maxAge }
        papers = papers.filter { now.timeIntervalSince($0.value.checkedAt) <= maxAge }
        repositories = repositories.filter {
            $0.value.etag != nil || now.timeIntervalSince($0.value.checkedAt) <= maxAge
        }
    }
}

/// Durations as `--max-cache-age` and the config's `cache.max-age` write them.
public enum CacheAge {
    public static let defaultAge: TimeInterval = 24 * 3600

    /// `90s`, `45m`, `36h`, `7d`, `2w`, or a bare number of seconds.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = units[last], let number = Double(trimmed.dropLast()), number >= 0 { return number * unit }
        if let number = Double(trimmed), number >= 0 { return number }
        return nil
    }
}
