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
            for url in interleavedByHost(urls) {
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

    /// The URLs in round-robin order of the hosts they are fetched from.
    ///
    /// The engine starts waiting requests first come, first served. A list sorted by URL puts
    /// each host's links together, so every free slot would go to one host until its links ran
    /// out: that host is pressed as hard as its limit allows while the others idle, and each
    /// host change opens a fresh set of connections instead of reusing the ones just released.
    /// Taking one URL per host in turn keeps every host busy at a steady rate and lets a
    /// finished request's connection carry the next request to the same host.
    func interleavedByHost(_ urls: [String]) -> [String] {
        var queues: [String: [String]] = [:]
        var hosts: [String] = []
        for url in urls {
            let host = Self.host(of: remapper?.remap(url) ?? url)
            if queues[host] == nil { hosts.append(host) }
            queues[host, default: []].append(url)
        }
        var result: [String] = []
        result.reserveCapacity(urls.count)
        var round = 0
        while result.count < urls.count {
            for host in hosts where round < queues[host, default: []].count {
                result.append(queues[host, default: []][round])
            }
            round += 1
        }
        return result
    }

    /// The authority of a URL (`host:port`), lower-cased; the whole text when there is none.
    static func host(of url: String) -> String {
        guard let start = url.range(of: "://")?.upperBound else { return url.lowercased() }
        let rest = url[start...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end].lowercased()
    }
}
