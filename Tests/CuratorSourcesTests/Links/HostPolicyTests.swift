import CuratorCore
import CuratorHTTP
import CuratorSources
import CuratorTestSupport
import Foundation
import Testing

/// Per-host limits, spacing and Retry-After, asserted from the servers' own logs while the
/// checker checks a list.
@Suite struct HostPolicyTests {
    @Test func perHostConcurrencySpacingAndRetryAfterAreHonoured() async throws {
        let narrow = try RawServer(host: "127.0.0.2") { request, connection in
            connection.sleep(0.05)
            connection.respond(status: 200, for: request)
        }
        let spaced = try RawServer(host: "127.0.0.3") { request, connection in
            connection.respond(status: 200, for: request)
        }
        let throttled = try RawServer(host: "127.0.0.4") { request, connection in
            if request.sequence == 0 {
                connection.respond(status: 429, headers: [("Retry-After", "1")], for: request)
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        defer {
            narrow.stop()
            spaced.stop()
            throttled.stop()
        }
        var rows: [String] = []
        for index in 0..<12 {
            rows.append(row("\(narrow.baseURL)/n/\(index)"))
            rows.append(row("\(spaced.baseURL)/s/\(index)"))
        }
        rows.append(row("\(throttled.baseURL)/t/0"))
        let prober = try makeProber(
            perHost: HostPolicy(maxConcurrent: 8),
            hosts: [
                "127.0.0.2": HostPolicy(maxConcurrent: 2),
                "127.0.0.3": HostPolicy(maxConcurrent: 8, minimumSpacing: 0.1),
            ])
        var cache = LinkCache()
        let (facts, _) = await LinkChecker(prober: prober).check(
            LinkInventory(workspace: try paperWorkspace(rows)), cache: &cache)

        #expect(
            facts.links.values.allSatisfy { $0 == .ok(status: 200) },
            "\(facts.links.values.filter { $0 != .ok(status: 200) })")
        #expect(narrow.requests.count == 12)
        #expect(narrow.maxConcurrency <= 2, "host limit 2, server saw \(narrow.maxConcurrency)")
        #expect(narrow.maxConcurrency == 2, "the limit is used, not undercut")
        // The engine spaces the starts; on a loaded machine a request whose connection was slow
        // to set up can arrive late and shorten the next gap as the server sees it, but the span
        // of all the arrivals cannot shrink.
        #expect(spaced.arrivalGaps.reduce(0, +) >= 11 * 0.1 * 0.95, "spacing 0.1 s, gaps \(spaced.arrivalGaps)")
        #expect(throttled.requests.count == 2)
        #expect(throttled.arrivalGaps.first.map { $0 >= 0.95 } == true, "Retry-After: 1, gap \(throttled.arrivalGaps)")
    }

    /// Hosts that fail on and off are retried, and whatever happens none of them is called dead.
    @Test func transientFaultsNeverProduceDead() async throws {
        let server = try RawServer { request, connection in
            switch request.sequence % 4 {
            case 0: connection.reset()
            case 1: connection.respond(status: 503, for: request)
            case 2: connection.respond(status: 429, headers: [("Retry-After", "0")], for: request)
            default: connection.respond(status: 502, for: request)
            }
        }
        defer { server.stop() }
        let rows = (0..<20).map { row("\(server.baseURL)/flaky/\($0)") }
        var cache = LinkCache()
        // A throttled host is spaced further apart by the engine, up to the Retry-After cap; a small
        // cap keeps the test short.
        let retry = RetryPolicy(
            maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, jitter: 0, retryAfterCap: 0.05)
        let (facts, statistics) = await LinkChecker(prober: try makeProber(retry: retry))
            .check(LinkInventory(workspace: try paperWorkspace(rows)), cache: &cache)
        #expect(facts.links.count == 20)
        #expect(statistics.dead == 0)
        #expect(!facts.links.values.contains { $0.isDead })
        #expect(cache.links.isEmpty, "nothing transient is cached")
        #expect(server.requests.count > 20, "failures were retried")
    }
}
