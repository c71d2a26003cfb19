import CuratorCore
import CuratorHTTP

/// The HTTP stage: probes plain URLs (HEAD, then GET when HEAD cannot be trusted) through the
/// libcurl engine, all at once, leaving per-host limits, spacing and Retry-After to the engine.
public struct LinkProber: Sendable {
    public let engine: CurlEngine
    public let remapper: URLRemapper?
    /// Seconds for one attempt at a link, redirects included.
    public let timeout: Double

    public init(engine: CurlEngine, remapper: URLRemapper? = nil, timeout: Double = 20) {
        self.engine = engine
        self.remapper = remapper
        self.timeout = timeout
    }

    /// The verdict on one URL as written in the list; `--remap` decides where it is fetched from.
    public func check(_ url: String) async -> LinkVerdict {
        let fetched = remapper?.remap(url) ?? url
        let request = HTTPRequest(
            method: .head, url: fetched, headers: ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8"],
            followRedirects: true, maxRedirects: 10, connectTimeout: min(10, timeout), totalTimeout: timeout,
            maxBodyBytes: 1 << 20)
        do {
            return VerdictMapping.verdict(for: try await engine.probe(request).response)
        } catch {
            return VerdictMapping.verdict(for: error)
        }
    }

    /// Checks every URL concurrently and reports each verdict as it arrives.
    public func check(_ urls: [String], progress: @escaping @Sendable (String, LinkVerdict) -> Void) async -> [String: LinkVerdict] {
        await withTaskGroup(of: (String, LinkVerdict).self) { group in
            for url in urls {
                group.addTask { (url, await check(url)) }
            }
            var verdicts: [String: LinkVerdict] = [:]
            for await (url, verdict) in group {
                verdicts[url] = verdict
                progress(url, verdict)
            }
            return verdicts
        }
    }
}
