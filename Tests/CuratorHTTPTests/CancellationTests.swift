import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct CancellationTests {
    @Test func cancellingATransferEndsItPromptly() async throws {
        let server = try RawServer { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            connection.drip([UInt8](repeating: 46, count: 100), interval: 0.1)
        }
        let engine = try makeEngine()
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { await failureOf(quickRequest(server.url("/"), totalTimeout: 20), on: engine) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let failure = await task.value
        #expect(failure?.kind == .cancelled)
        // Far below the 20 s the request would take uncancelled, with room for a loaded machine.
        #expect((clock.now - start).seconds < 10)
        #expect(server.requests.count == 1)
    }

    @Test func cancellingAQueuedRequestNeverSendsIt() async throws {
        let server = try RawServer(host: "127.0.0.7") { request, connection in
            connection.sleep(0.8)
            connection.respond(status: 200, for: request)
        }
        let engine = try makeEngine(hostPolicies: ["127.0.0.7": HostPolicy(maxConcurrent: 1)])
        let first = Task { try await engine.send(quickRequest(server.url("/first"))).status }
        try await Task.sleep(for: .milliseconds(200))
        let queued = Task { await failureOf(quickRequest(server.url("/queued")), on: engine) }
        try await Task.sleep(for: .milliseconds(100))
        queued.cancel()
        let failure = await queued.value
        #expect(failure?.kind == .cancelled)
        #expect(try await first.value == 200)
        #expect(server.requests.map(\.path) == ["/first"])
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 200, for: request)
        }
        let engine = try makeEngine()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await failureOf(quickRequest(server.url("/")), on: engine)
        }
        #expect(await task.value?.kind == .cancelled)
        #expect(server.requests.isEmpty)
    }
}
