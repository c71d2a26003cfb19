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
        let verdict: LinkVerdict
        do {
            verdict = VerdictMapping.verdict(for: try await engine.probe(request).response)
        } catch {
            verdict = VerdictMapping.verdict(for: error)
        }
        guard fetched != url, case .redirected(let permanent, let target, let chain) = verdict else { return verdict }
        let back = { (address: String) in Self.unmap(address, original: url, fetched: fetched) }
        return .redirected(
            permanent: permanent, target: back(target),
            chain: chain.map { RedirectHop(url: back($0.url), status: $0.status, location: back($0.location)) })
    }

    /// Where a redirect inside a remapped site points, in the original site's terms.
    ///
    /// `--remap` points a run at a mirror or a test server, but a fix must write the address the
    /// list's readers use. The remap replaced a prefix of the URL (the part before the longest
    /// common suffix of the original and the fetched URL); a redirect target under the fetched
    /// prefix gets the original prefix back. Targets elsewhere are left as the server gave them.
    static func unmap(_ address: String, original: String, fetched: String) -> String {
        let common = zip(original.reversed(), fetched.reversed()).prefix { $0 == $1 }.count
        let originalPrefix = original.dropLast(common)
        let fetchedPrefix = fetched.dropLast(common)
        guard !fetchedPrefix.isEmpty, address.hasPrefix(fetchedPrefix) else { return address }
        return String(originalPrefix + address.dropFirst(fetchedPrefix.count))
    }

    /// Checks every URL concurrently and reports each verdict as it arrives.
    public func check(_ urls: [String], progress: @escaping @Sendable (String, LinkVerdict) -> Void) async -> [String:
        LinkVerdict]
    {
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
