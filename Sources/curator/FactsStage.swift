import CuratorCore
import CuratorHTTP
import CuratorSources
import Foundation

/// The network stage of `curator lint`: collects the list's links, checks them (entities through
/// their APIs, the rest over HTTP), keeps the cache, and hands the facts to the network rules.
struct FactsStage {
    var options: NetworkOptions
    var environment: [String: String]
    var workingDirectory: URL

    static let defaultTimeout = 20.0
    static let defaultConcurrency = 64
    static let defaultPerHost = HostPolicy(maxConcurrent: 8, minimumSpacing: 0)
    static let defaultRetries = 2

    func run(_ workspace: Workspace, changedLines: [String: Set<Int>]?) async throws -> Facts {
        let settings = workspace.ruleset.ruleset.http ?? HTTPSettings()
        let remapper: URLRemapper
        do {
            remapper = try URLRemapper(specs: options.remap)
        } catch {
            throw CuratorExit.input(error.description)
        }
        // One budget for the whole stage, shared by the engine for links, the one for the APIs and
        // every wait of the API clients.
        let clock = DeadlineClock(budget: options.maxTime.flatMap(TimeBudget.parse) ?? TimeBudget.defaultSeconds)
        var configuration = engineConfiguration(settings)
        configuration.clock = clock
        configuration.deadline = clock.deadline
        let engine = try CurlEngine.forCommand(configuration)
        let prober = LinkProber(
            engine: engine, remapper: options.remap.isEmpty ? nil : remapper,
            timeout: options.timeout ?? settings.timeout ?? Self.defaultTimeout)
        let (repositories, papers) = options.noEntityAPIs ? (nil, nil) : try entityResolvers(clock: clock)
        let maxAge = try maxCacheAge(workspace)
        let checker = LinkChecker(prober: prober, repositories: repositories, papers: papers, maxCacheAge: maxAge)

        let inventory = LinkInventory(workspace: workspace, changedLines: changedLines)
        let cacheURL = options.noCache ? nil : cacheFile(workspace)
        var cache = cacheURL.map(LinkCache.load(from:)) ?? LinkCache()
        let display = ProgressDisplay(mode: ProgressDisplay.resolve(options.progress, environment: environment))
        let (facts, statistics) = await checker.check(inventory, cache: &cache) { display.handle($0) }
        display.finish(statistics)
        if clock.now >= clock.deadline {
            display.note(
                "the network stage's time budget (--max-time) ran out; links not checked by then are reported as unreachable"
            )
        }
        if let cacheURL {
            do {
                try cache.save(to: cacheURL)
            } catch {
                // A cache that cannot be written costs the next run time, not this run its result.
                display.note("cannot write the link cache \(cacheURL.path): \(error.localizedDescription)")
            }
        }
        return facts
    }

    /// The engine's limits: command line over the config's `http:` over the defaults.
    func engineConfiguration(_ settings: HTTPSettings) -> EngineConfiguration {
        func policy(_ host: HostSettings?, default fallback: HostPolicy) -> HostPolicy {
            HostPolicy(
                maxConcurrent: host?.concurrency ?? fallback.maxConcurrent,
                minimumSpacing: host?.spacing ?? fallback.minimumSpacing)
        }
        let perHost = policy(settings.perHost, default: Self.defaultPerHost)
        return EngineConfiguration(
            maxConcurrentRequests: options.concurrency ?? settings.concurrency ?? Self.defaultConcurrency,
            defaultHostPolicy: perHost,
            hostPolicies: (settings.hosts ?? [:]).mapValues { policy($0, default: perHost) },
            retry: RetryPolicy(
                maxAttempts: 1 + max(0, settings.retries ?? Self.defaultRetries), baseDelay: 0.5, maxDelay: 10,
                retryAfterCap: 30))
    }

    /// The GitHub and arXiv clients on an engine of their own that never retries: each client
    /// knows its API's limits and quirks and retries itself, and two layers of retries would
    /// multiply the requests a rate-limited API sees.
    func entityResolvers(clock: DeadlineClock) throws(CuratorExit) -> (
        any RepositoryResolver, any PaperResolver
    ) {
        let engine = try CurlEngine.forCommand(
            EngineConfiguration(
                maxConcurrentRequests: 4, defaultHostPolicy: HostPolicy(maxConcurrent: 2),
                retry: RetryPolicy(maxAttempts: 1), clock: clock, deadline: clock.deadline))
        let github = GitHubClient(
            http: engine, configuration: GitHubConfiguration(environment: environment, clock: clock))
        var arxivConfiguration = ArxivClientConfiguration(
            endpoint: environment["ARXIV_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
                ?? ArxivClientConfiguration.defaultEndpoint, clock: clock)
        if let spacing = options.arxivSpacing { arxivConfiguration.spacing = .clamped(seconds: spacing) }
        return (
            GitHubRepositoryResolver(client: github),
            ArxivPaperResolver(client: ArxivClient(http: engine, configuration: arxivConfiguration))
        )
    }

    func maxCacheAge(_ workspace: Workspace) throws -> TimeInterval {
        if let text = options.maxCacheAge { return CacheAge.parse(text) ?? CacheAge.defaultAge }
        guard let text = workspace.ruleset.ruleset.cache?.maxAge else { return CacheAge.defaultAge }
        guard let age = CacheAge.parse(text) else {
            throw CuratorExit.input(
                "cache.max-age '\(text)': expected a duration such as 90m, 36h, 7d or a number of seconds")
        }
        return age
    }

    func cacheFile(_ workspace: Workspace) -> URL {
        if let cache = options.cache { return Self.resolve(cache, against: workingDirectory) }
        return Self.resolve(workspace.ruleset.ruleset.cache?.path ?? LinkCache.defaultPath, against: workspace.root)
    }

    static func resolve(_ path: String, against directory: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }
}
