import CuratorCore
import CuratorHTTP
import CuratorSources
import CuratorTestSupport
import Foundation
import Testing

/// Per-host limits, spacing and Retry-After, asserted from the servers' own logs while the
/// checker checks a list. The narrow host holds requests in pairs, so its limit is certainly
/// reached; spacing and Retry-After are read on the test clock the engine waits on.
@Suite struct HostPolicyTests {
    @Test func perHostConcurrencySpacingAndRetryAfterAreHonoured() async throws {
        let clock = TestClock()
        let pairs = Batcher(size: 2, total: 12)
        let narrow = try RawServer(host: "127.0.0.2") { request, connection in
            pairs.hold()
            connection.respond(status: 200, for: request)
        }
        let spaced = try RawServer(host: "127.0.0.3", clock: clock) { request, connection in
            connection.respond(status: 200, for: request)
        }
        let throttled = try RawServer(host: "127.0.0.4", clock: clock) { request, connection in
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
        // The narrow host holds each request until its pair comes, which on a loaded machine can
        // take seconds; a short timeout would turn that into a retry, a thirteenth request.
        let prober = try makeProber(
            timeout: 600, perHost: HostPolicy(maxConcurrent: 8),
            hosts: [
                "127.0.0.2": HostPolicy(maxConcurrent: 2),
                "127.0.0.3": HostPolicy(maxConcurrent: 8, minimumSpacing: 0.1),
            ], clock: clock)
        var cache = LinkCache()
        let (facts, _) = await LinkChecker(prober: prober).check(
            LinkInventory(workspace: try paperWorkspace(rows)), cache: &cache)

        #expect(
            facts.links.values.allSatisfy { $0 == .ok(status: 200) },
            "\(facts.links.values.filter { $0 != .ok(status: 200) })")
        #expect(narrow.requests.count == 12)
        #expect(narrow.maxConcurrency <= 2, "host limit 2, server saw \(narrow.maxConcurrency)")
        #expect(narrow.maxConcurrency == 2, "the limit is used, not undercut")
        // Time may jump while a request is on its way, so an arrival is no earlier than its start:
        // the k-th of the spaced host's arrivals comes at least k spacings after the clock's start.
        let offsets = spaced.arrivalOffsets(from: clock.start)
        #expect(
            offsets.enumerated().allSatisfy { $1 >= .clamped(seconds: 0.1) * $0 },
            "spacing 0.1 s, arrivals at \(offsets)")
        #expect(throttled.requests.count == 2)
        let retried = throttled.arrivalOffsets(from: clock.start).last ?? .zero
        #expect(retried >= .seconds(1), "Retry-After: 1, retried at \(retried)")
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
