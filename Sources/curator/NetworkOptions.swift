import ArgumentParser
import CuratorSources

/// How a progress display is shown: a bar on a terminal, plain lines in logs.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, bar, lines, off
}

/// Options of `curator lint` that concern the network checks.
struct NetworkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Rewrite URLs before fetching them: a regular expression, whitespace, a replacement ($1 for a group). Repeatable; the first match wins.",
            valueName: "regex replacement"))
    var remap: [String] = []

    @Option(
        name: .customLong("max-cache-age"),
        help:
            "How long a cached verdict holds: 90m, 36h, 7d or seconds (default: the config's cache.max-age, else 1d). 0 checks everything again."
    )
    var maxCacheAge: String?

    @Option(
        help: "The link cache file (default: the config's cache.path, else .curator/links.json in the list's root).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the link cache.")
    var noCache = false

    @Option(help: "Seconds allowed for one attempt at a link (default: the config's http.timeout, else 20).")
    var timeout: Double?

    @Option(help: "Requests in flight across all hosts (default: the config's http.concurrency, else 64).")
    var concurrency: Int?

    @Flag(
        name: .customLong("no-entity-apis"),
        help: "Check github.com and arxiv.org links by HTTP instead of through the GitHub and arXiv APIs.")
    var noEntityAPIs = false

    @Option(
        help: "Progress on standard error: auto (a bar on a terminal, lines otherwise and in CI), bar, lines or off.")
    var progress: ProgressMode = .auto

    /// Seconds between arXiv API requests. arXiv asks for 3; tests against a local double use less.
    @Option(name: .customLong("arxiv-spacing"), help: .hidden)
    var arxivSpacing: Double?

    func validate() throws {
        if let maxCacheAge, CacheAge.parse(maxCacheAge) == nil {
            throw ValidationError(
                "--max-cache-age '\(maxCacheAge)': expected a duration such as 90m, 36h, 7d or a number of seconds")
        }
        // `inf` and `nan` read as numbers; neither is a number of seconds to wait.
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a finite number of seconds above 0, not \(timeout)")
        }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let arxivSpacing, !(arxivSpacing >= 0 && arxivSpacing.isFinite) {
            throw ValidationError("--arxiv-spacing must be a finite number of seconds, at least 0")
        }
    }
}
