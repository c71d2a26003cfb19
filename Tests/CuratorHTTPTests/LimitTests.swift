import CuratorHTTP
import CuratorTestSupport
import Testing

/// Each test binds its own loopback address, so that its host's limits and the server's log
/// belong to that test alone. Concurrency is seen in the servers' logs: a `Batcher` holds requests
/// until the limit is reached. Spacing and Retry-After are read on the `TestClock` the engine
/// waits on, which the servers record arrivals with.
@Suite struct LimitTests {
    private static func heldServer(_ host: String, _ batcher: Batcher) throws -> RawServer {
        try RawServer(host: host) { request, connection in
            batcher.hold()
            connection.respond(status: 200, for: request)
        }
    }

    private static func sendAll(_ urls: [String], on engine: CurlEngine) async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for url in urls {
                group.addTask { try await engine.send(quickRequest(url, totalTimeout: 600)).status }
            }
            for try await status in group {
                #expect(status == 200)
            }
        }
    }

    @Test func perHostConcurrencyIsHonoured() async throws {
        let server = try Self.heldServer("127.0.0.2", Batcher(size: 2, total: 6))
        let engine = try makeEngine(hostPolicies: ["127.0.0.2": HostPolicy(maxConcurrent: 2)])
        try await Self.sendAll((0..<6).map { server.url("/\($0)") }, on: engine)
        #expect(server.requests.count == 6)
        #expect(server.maxConcurrency == 2)
    }

    @Test func spacingBetweenStartsIsHonoured() async throws {
        let clock = TestClock()
        let server = try RawServer(host: "127.0.0.3", clock: clock) { request, connection in
            connection.respond(status: 200, for: request)
        }
        let engine = try makeEngine(
            hostPolicies: ["127.0.0.3": HostPolicy(maxConcurrent: 10, minimumSpacing: 0.25)], clock: clock)
        try await Self.sendAll((0..<4).map { server.url("/\($0)") }, on: engine)
        // The k-th start comes at least k spacings after the first, and each arrival after its start.
        let offsets = server.arrivalOffsets(from: clock.start)
        #expect(offsets.count == 4)
        #expect(offsets.enumerated().allSatisfy { $1 >= .milliseconds(250) * $0 }, "arrivals at \(offsets)")
    }

    @Test func globalConcurrencyIsHonouredAcrossHosts() async throws {
        let batcher = Batcher(size: 3, total: 8)
        let first = try Self.heldServer("127.0.0.4", batcher)
        let second = try Self.heldServer("127.0.0.5", batcher)
        let engine = try makeEngine(maxConcurrentRequests: 3)
        let urls = (0..<4).flatMap { [first.url("/\($0)"), second.url("/\($0)")] }
        try await Self.sendAll(urls, on: engine)
        #expect(RawServer.maxOverlap(first.exchanges + second.exchanges) == 3)
    }

    @Test func throttlingHoldsBackOtherRequestsToTheHost() async throws {
        let clock = TestClock()
        let server = try RawServer(host: "127.0.0.6", clock: clock) { request, connection in
            if request.sequence == 0 {
                connection.respond(status: 429, headers: [("Retry-After", "1")], for: request)
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        let engine = try makeEngine(hostPolicies: ["127.0.0.6": HostPolicy(maxConcurrent: 1)], clock: clock)
        try await Self.sendAll((0..<3).map { server.url("/\($0)") }, on: engine)
        // Only the throttled request went out before the Retry-After second was over.
        let offsets = server.arrivalOffsets(from: clock.start)
        #expect(offsets.dropFirst().allSatisfy { $0 >= .seconds(1) }, "arrivals at \(offsets)")
    }
}
