import CuratorHTTP
import CuratorTestSupport
import Testing

/// Each test binds its own loopback address, so that its host's limits and the server's log
/// belong to that test alone.
@Suite struct LimitTests {
    private static func slowServer(_ host: String, seconds: Double = 0.3) throws -> RawServer {
        try RawServer(host: host) { request, connection in
            connection.sleep(seconds)
            connection.respond(status: 200, for: request)
        }
    }

    private static func sendAll(_ urls: [String], on engine: CurlEngine) async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for url in urls {
                group.addTask { try await engine.send(quickRequest(url, totalTimeout: 10)).status }
            }
            for try await status in group {
                #expect(status == 200)
            }
        }
    }

    @Test func perHostConcurrencyIsHonoured() async throws {
        let server = try Self.slowServer("127.0.0.2")
        let engine = try makeEngine(hostPolicies: ["127.0.0.2": HostPolicy(maxConcurrent: 2)])
        try await Self.sendAll((0..<6).map { server.url("/\($0)") }, on: engine)
        #expect(server.requests.count == 6)
        #expect(server.maxConcurrency == 2)
    }

    @Test func spacingBetweenStartsIsHonoured() async throws {
        let server = try Self.slowServer("127.0.0.3", seconds: 0)
        let engine = try makeEngine(hostPolicies: ["127.0.0.3": HostPolicy(maxConcurrent: 10, minimumSpacing: 0.25)])
        try await Self.sendAll((0..<4).map { server.url("/\($0)") }, on: engine)
        // The engine spaces the starts of transfers; the server sees arrivals, which also include
        // each connection's set-up time, so single gaps may come out shorter: by up to a tenth of
        // a second when the machine is loaded (seen once, with the test suites run in parallel).
        // A request sent without waiting would arrive within milliseconds of the one before, and
        // the sum of the gaps is the time from first to last arrival, which jitter hardly shortens.
        let gaps = server.arrivalGaps
        #expect(gaps.count == 3)
        #expect(gaps.allSatisfy { $0 >= 0.15 }, "gaps \(gaps)")
        #expect(gaps.reduce(0, +) >= 0.7, "gaps \(gaps)")
    }

    @Test func globalConcurrencyIsHonouredAcrossHosts() async throws {
        let first = try Self.slowServer("127.0.0.4")
        let second = try Self.slowServer("127.0.0.5")
        let engine = try makeEngine(maxConcurrentRequests: 3)
        let urls = (0..<4).flatMap { [first.url("/\($0)"), second.url("/\($0)")] }
        try await Self.sendAll(urls, on: engine)
        #expect(RawServer.maxOverlap(first.exchanges + second.exchanges) == 3)
    }

    @Test func throttlingHoldsBackOtherRequestsToTheHost() async throws {
        let server = try RawServer(host: "127.0.0.6") { request, connection in
            if request.sequence == 0 {
                connection.respond(status: 429, headers: [("Retry-After", "1")], for: request)
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        let engine = try makeEngine(hostPolicies: ["127.0.0.6": HostPolicy(maxConcurrent: 1)])
        try await Self.sendAll((0..<3).map { server.url("/\($0)") }, on: engine)
        let gaps = server.arrivalGaps
        #expect(gaps.first.map { $0 >= 0.95 } == true, "gaps \(gaps)")
    }
}
