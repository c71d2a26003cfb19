import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorHTTP

/// Waits are read on the `TestClock` the engine sleeps on; the servers record arrivals on it too.
@Suite struct RetryTests {
    @Test func tooManyRequestsHonoursRetryAfterSeconds() async throws {
        let clock = TestClock()
        let server = try RawServer(clock: clock) { request, connection in
            if request.sequence == 0 {
                connection.respond(status: 429, headers: [("Retry-After", "1")], for: request)
            } else {
                connection.respond(status: 200, body: "ok", for: request)
            }
        }
        let response = try await makeEngine(clock: clock).send(quickRequest(server.url("/")))
        #expect(response.status == 200)
        let gap = try #require(server.arrivalGaps.first)
        #expect(gap == .seconds(1), "waited \(gap)")
        #expect(clock.sleeps == [.seconds(1)])
    }

    @Test func tooManyRequestsHonoursRetryAfterDate() async throws {
        let clock = TestClock()
        let server = try RawServer(clock: clock) { request, connection in
            if request.sequence == 0 {
                // The test clock starts on a whole second, which the date's precision keeps.
                let date = RetryAfter.format(clock.date.addingTimeInterval(2))
                connection.respond(status: 429, headers: [("Retry-After", date)], for: request)
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        let response = try await makeEngine(clock: clock).send(quickRequest(server.url("/")))
        #expect(response.status == 200)
        let gap = try #require(server.arrivalGaps.first)
        #expect(gap == .seconds(2), "waited \(gap)")
    }

    @Test func retryAfterIsCapped() async throws {
        let clock = TestClock()
        let server = try RawServer(clock: clock) { request, connection in
            let status = request.sequence == 0 ? 503 : 200
            connection.respond(status: status, headers: [("Retry-After", "3600")], for: request)
        }
        var retry = fastRetry
        retry.retryAfterCap = 0.4
        let response = try await makeEngine(retry: retry, clock: clock).send(quickRequest(server.url("/")))
        #expect(response.status == 200)
        // Capped at 0.4 s instead of the hour the server asked for.
        #expect(clock.sleeps == [.milliseconds(400)])
        let gap = try #require(server.arrivalGaps.first)
        #expect(gap >= .milliseconds(400) && gap < .seconds(1), "waited \(gap)")
    }

    @Test func serviceUnavailableIsRetriedUntilSuccess() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: request.sequence < 2 ? 503 : 200, for: request)
        }
        let engine = try makeEngine()
        let response = try await engine.send(quickRequest(server.url("/")))
        #expect(response.status == 200)
        #expect(server.requests.count == 3)
        #expect(engine.counters.attempts == 3)
        #expect(engine.counters.retries == 2)
        #expect(engine.counters.hosts["127.0.0.1"]?.retries == 2)
    }

    @Test func persistentServerErrorIsReturnedAfterTheLastAttempt() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 502, for: request)
        }
        let response = try await makeEngine().send(quickRequest(server.url("/")))
        #expect(response.status == 502)
        #expect(server.requests.count == fastRetry.maxAttempts)
    }

    @Test func refusedConnectionFailsAfterRetries() async throws {
        let port = try RawServer.unusedPort()
        let engine = try makeEngine()
        let failure = await failureOf(quickRequest("http://127.0.0.1:\(port)/"), on: engine)
        #expect(failure?.kind == .connectionRefused)
        #expect(failure?.curlCode == 7)
        #expect(failure?.isTransient == true)
        #expect(engine.counters.attempts == fastRetry.maxAttempts)
    }

    @Test func resetMidBodyIsATransientReset() async throws {
        let server = try RawServer { request, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
            connection.write([UInt8](repeating: 65, count: 1000))
            connection.reset()
        }
        let failure = try await failureOf(quickRequest(server.url("/")), on: makeEngine())
        #expect(failure?.kind == .connectionReset)
        #expect(failure?.isTransient == true)
        #expect(server.requests.count == fastRetry.maxAttempts)
    }

    @Test func definitiveFailuresAreNotRetried() async throws {
        let server = try RawServer { request, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 5000000\r\n\r\n")
        }
        let engine = try makeEngine()
        let failure = await failureOf(quickRequest(server.url("/"), maxBodyBytes: 1000), on: engine)
        #expect(failure?.kind == .bodyTooLarge)
        #expect(engine.counters.attempts == 1)
    }
}
