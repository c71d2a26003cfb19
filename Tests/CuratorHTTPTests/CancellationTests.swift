import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct CancellationTests {
    @Test func cancellingATransferEndsIt() async throws {
        let gate = Gate()
        let server = try RawServer { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            gate.wait()
        }
        defer { gate.open() }
        let engine = try makeEngine()
        let task = Task { await failureOf(quickRequest(server.url("/"), totalTimeout: 600), on: engine) }
        await gate.arrivals(atLeast: 1)
        task.cancel()
        let failure = await task.value
        // The body never comes and the timeout is ten minutes away: only the cancellation ends it.
        #expect(failure?.kind == .cancelled)
        #expect(server.requests.count == 1)
    }

    @Test func cancellingAQueuedRequestNeverSendsIt() async throws {
        let gate = Gate()
        let server = try RawServer(host: "127.0.0.7") { request, connection in
            gate.wait()
            connection.respond(status: 200, for: request)
        }
        let engine = try makeEngine(hostPolicies: ["127.0.0.7": HostPolicy(maxConcurrent: 1)])
        let first = Task { try await engine.send(quickRequest(server.url("/first"), totalTimeout: 600)).status }
        await gate.arrivals(atLeast: 1)
        let queued = Task { await failureOf(quickRequest(server.url("/queued")), on: engine) }
        queued.cancel()
        let failure = await queued.value
        gate.open()
        #expect(failure?.kind == .cancelled)
        #expect(try await first.value == 200)
        #expect(server.requests.map(\.path) == ["/first"])
    }

    @Test func cancellingAWaitForARetryEndsIt() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 503, headers: [("Retry-After", "3600")], for: request)
        }
        let clock = TestClock(mode: .manual)
        var retry = fastRetry
        retry.retryAfterCap = 3600
        let engine = try makeEngine(retry: retry, clock: clock)
        let task = Task { await failureOf(quickRequest(server.url("/")), on: engine) }
        await clock.waitForSleepers(1)
        task.cancel()
        #expect(await task.value?.kind == .cancelled)
        #expect(server.requests.count == 1)
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
