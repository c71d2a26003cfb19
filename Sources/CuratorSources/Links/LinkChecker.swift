import CuratorCore
import Foundation

/// What the link checker reports while it works, for a progress display.
public enum LinkCheckEvent: Sendable {
    /// The number of distinct URLs this run decides on, cached and excluded ones included.
    case started(total: Int)
    /// A stage began, e.g. asking the GitHub API about 404 repositories.
    case stage(String)
    case decided(url: String, verdict: LinkVerdict)
}

/// Counts of how each verdict was reached, for the progress summary and for tests.
public struct LinkCheckStatistics: Sendable, Hashable {
    public var urls = 0
    public var excluded = 0
    public var cached = 0
    public var byRepositoryAPI = 0
    public var byPaperAPI = 0
    public var byHTTP = 0
    public var dead = 0
}

/// Decides a verdict for every URL of an inventory: entities through their APIs, everything else
/// by HTTP, reusing what the cache says where it may.
///
/// The order is what keeps a run cheap and polite: the cache first (nothing is asked twice in a
/// day), then the entity APIs (one request answers up to 100 links), then HTTP for what is left,
/// including entity links the APIs could not answer.
public struct LinkChecker: Sendable {
    public var prober: LinkProber
    public var repositories: (any RepositoryResolver)?
    public var papers: (any PaperResolver)?
    /// How long a cached verdict holds.
    public var maxCacheAge: TimeInterval
    public var now: @Sendable () -> Date

    public init(
        prober: LinkProber, repositories: (any RepositoryResolver)? = nil, papers: (any PaperResolver)? = nil,
        maxCacheAge: TimeInterval = CacheAge.defaultAge, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.prober = prober
        self.repositories = repositories
        self.papers = papers
        self.maxCacheAge = maxCacheAge
        self.now = now
    }

    /// Checks the inventory, updating `cache` in place with what was learnt.
    public func check(
        _ inventory: LinkInventory, cache: inout LinkCache,
        progress: @escaping @Sendable (LinkCheckEvent) -> Void = { _ in }
    ) async -> (facts: Facts, statistics: LinkCheckStatistics) {
        let started = now()
        var facts = Facts()
        var statistics = LinkCheckStatistics()
        statistics.urls = inventory.count + inventory.excluded.count
        progress(.started(total: statistics.urls))
        func decide(_ url: String, _ verdict: LinkVerdict) {
            facts.links[url] = verdict
            if verdict.isDead { statistics.dead += 1 }
            progress(.decided(url: url, verdict: verdict))
        }
        for (url, pattern) in inventory.excluded.sorted(by: { $0.key < $1.key }) {
            statistics.excluded += 1
            decide(url, .excluded(pattern: pattern))
        }

        var pending: [String: LinkTarget] = [:]
        var reused: Set<String> = []
        for (url, target) in inventory.targets.sorted(by: { $0.key < $1.key }) {
            // A link that an API answers for takes its verdict from the entity's facts (cached
            // on their own), so a repository deleted since is never hidden behind an older
            // verdict on one of its links.
            let answeredByAPI: Bool =
                switch target {
                case .web: false
                case .repository: repositories != nil
                case .paper: papers != nil
                }
            if !answeredByAPI, let verdict = cache.reusableVerdict(for: url, now: started, maxAge: maxCacheAge) {
                statistics.cached += 1
                reused.insert(url)
                decide(url, verdict)
            } else {
                pending[url] = target
            }
        }
        // The entities behind the links, each asked about once however many links name it.
        var references: [String: RepositoryName] = [:]
        var paperIDs: Set<String> = []
        for target in inventory.targets.values {
            switch target {
            case .repository(let reference): references[reference.key] = reference
            case .paper(let id): paperIDs.insert(id)
            case .web: break
            }
        }

        // Entities whose facts the cache supplied, for the statistics.
        var fromCache: Set<String> = []
        var unresolvedRepositories: Set<String> = []
        if let repositories, !references.isEmpty {
            var wanted: [RepositoryName] = []
            var validators: [String: String] = [:]
            for (key, reference) in references.sorted(by: { $0.key < $1.key }) {
                if let cached = cache.reusableRepository(key, now: started, maxAge: maxCacheAge) {
                    facts.repositories[key] = cached
                    fromCache.insert(key)
                    continue
                }
                wanted.append(reference)
                if let etag = cache.repositories[key]?.etag { validators[key] = etag }
            }
            if !wanted.isEmpty {
                progress(.stage("GitHub API: \(wanted.count) repositories"))
                let resolution = await repositories.resolve(wanted, validators: validators)
                let time = now()
                for (key, value) in resolution.facts {
                    facts.repositories[key] = value
                    cache.repositories[key] = LinkCache.Record(
                        value: value, checkedAt: time, etag: resolution.validators[key])
                }
                for key in resolution.unchanged {
                    guard var record = cache.repositories[key] else {
                        unresolvedRepositories.insert(key)
                        continue
                    }
                    record.checkedAt = time
                    record.etag = resolution.validators[key] ?? record.etag
                    cache.repositories[key] = record
                    facts.repositories[key] = record.value
                }
                unresolvedRepositories.formUnion(resolution.unresolved.keys)
                if let reason = resolution.unresolved.values.first {
                    progress(
                        .stage(
                            "GitHub API left \(resolution.unresolved.count) repositories unanswered (\(reason)); checking them by HTTP"
                        ))
                }
                unresolvedRepositories.formUnion(wanted.map(\.key).filter { facts.repositories[$0] == nil })
            }
        } else {
            unresolvedRepositories = Set(references.keys)
        }

        var unresolvedPapers: Set<String> = []
        if let papers, !paperIDs.isEmpty {
            var wanted: [String] = []
            for id in paperIDs.sorted() {
                if let cached = cache.reusablePaper(id, now: started, maxAge: maxCacheAge) {
                    facts.papers[id] = cached
                    fromCache.insert(id)
                } else {
                    wanted.append(id)
                }
            }
            if !wanted.isEmpty {
                progress(.stage("arXiv API: \(wanted.count) papers"))
                let resolution = await papers.resolve(wanted)
                let time = now()
                for (id, value) in resolution.facts {
                    facts.papers[id] = value
                    cache.papers[id] = LinkCache.Record(value: value, checkedAt: time)
                }
                unresolvedPapers = Set(wanted.filter { facts.papers[$0] == nil })
                if let reason = resolution.unresolved.values.first {
                    progress(
                        .stage(
                            "arXiv API left \(unresolvedPapers.count) papers unanswered (\(reason)); checking them by HTTP"
                        ))
                }
            }
        } else {
            unresolvedPapers = paperIDs
        }

        var byHTTP: [String] = []
        for (url, target) in pending.sorted(by: { $0.key < $1.key }) {
            switch target {
            case .repository(let reference) where !unresolvedRepositories.contains(reference.key):
                guard let value = facts.repositories[reference.key] else { byHTTP.append(url); continue }
                if fromCache.contains(reference.key) { statistics.cached += 1 } else { statistics.byRepositoryAPI += 1 }
                decide(url, EntityVerdicts.verdict(url: url, repository: value))
            case .paper(let id) where !unresolvedPapers.contains(id):
                guard let value = facts.papers[id] else { byHTTP.append(url); continue }
                if fromCache.contains(id) { statistics.cached += 1 } else { statistics.byPaperAPI += 1 }
                decide(url, EntityVerdicts.verdict(url: url, paper: value))
            default:
                byHTTP.append(url)
            }
        }
        if !byHTTP.isEmpty {
            progress(.stage("HTTP: \(byHTTP.count) links"))
            statistics.byHTTP = byHTTP.count
            var verdicts = await prober.check(byHTTP) { url, verdict in progress(.decided(url: url, verdict: verdict)) }
            let answeredByAPI = statistics.byRepositoryAPI + statistics.byPaperAPI > 0
            if !answeredByAPI && !verdicts.values.contains(where: LinkChecker.cameFromAServer) {
                verdicts = verdicts.mapValues(LinkChecker.withoutNetwork)
                progress(.stage("no server answered: failed name lookups are reported as unreachable, not dead"))
            }
            for (url, verdict) in verdicts {
                facts.links[url] = verdict
                if verdict.isDead { statistics.dead += 1 }
            }
        }
        let finished = now()
        // A reused verdict keeps its original time, so the cache cannot extend itself forever.
        for url in inventory.targets.keys where !reused.contains(url) {
            guard let verdict = facts.links[url] else { continue }
            cache.store(verdict, for: url, at: finished)
        }
        cache.prune(now: finished, maxAge: maxCacheAge)
        return (facts, statistics)
    }

    /// Whether some server answered: any verdict that carries an HTTP status.
    static func cameFromAServer(_ verdict: LinkVerdict) -> Bool {
        switch verdict {
        case .ok, .redirected, .blocked, .rateLimited: true
        case .dead(_, let status, _): status != nil
        case .transient(let status, _, _): status != nil
        case .timeout, .excluded: false
        }
    }

    /// "No such host" is evidence that a link is dead only when the machine can resolve names at
    /// all. When no server answered anything in a run, every lookup failing says the network is
    /// down (a sandboxed CI job, a laptop on a train), not that every host is gone; such failures
    /// become transient warnings, and a pull request is not failed by the runner's network.
    static func withoutNetwork(_ verdict: LinkVerdict) -> LinkVerdict {
        guard case .dead(.noSuchHost, _, let detail) = verdict else { return verdict }
        return .transient(
            status: nil, curlCode: 6, detail: "no host could be resolved in this run (is the network down?): \(detail)")
    }
}
