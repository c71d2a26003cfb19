import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct ProbeTests {
    @Test(arguments: [400, 403, 404, 405, 501])
    func untrustworthyHeadStatusFallsBackToGet(headStatus: Int) async throws {
        let server = try RawServer { request, connection in
            let status = request.method == "HEAD" ? headStatus : 200
            connection.respond(status: status, body: "page", for: request)
        }
        let result = try await makeEngine().probe(quickRequest(server.url("/paper")))
        #expect(result.method == .get)
        #expect(result.response.status == 200)
        #expect(result.headFallbackReason == "HEAD answered \(headStatus)")
        #expect(server.requests.map(\.method) == ["HEAD", "GET"])
    }

    @Test func trustworthyHeadIsEnough() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: request.method == "HEAD" ? 410 : 200, for: request)
        }
        let result = try await makeEngine().probe(quickRequest(server.url("/")))
        #expect(result.method == .head)
        #expect(result.response.status == 410)
        #expect(server.requests.count == 1)
    }

    @Test func headTransportFailureFallsBackToGet() async throws {
        let server = try RawServer { request, connection in
            if request.method == "HEAD" {
                connection.reset()
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        let engine = try makeEngine(retry: RetryPolicy(maxAttempts: 1))
        let result = try await engine.probe(quickRequest(server.url("/")))
        #expect(result.method == .get)
        #expect(result.response.status == 200)
    }

    @Test func fallbackGetReadsOnlyTheStartOfTheBody() async throws {
        let server = try RawServer { request, connection in
            if request.method == "HEAD" {
                connection.respond(status: 405, for: request)
                return
            }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n")
            let chunk = [UInt8](repeating: 97, count: 16 << 10)
            while connection.write(chunk) {}
        }
        let result = try await makeEngine().probe(quickRequest(server.url("/")), getBodyLimit: 1000)
        #expect(result.response.status == 200)
        #expect(result.response.body.count == 1000)
    }

    @Test func hostFailuresAreNotRetriedWithGet() async throws {
        let port = try RawServer.unusedPort()
        let engine = try makeEngine(retry: RetryPolicy(maxAttempts: 1))
        await #expect(throws: HTTPFailure.self) {
            _ = try await engine.probe(quickRequest("http://127.0.0.1:\(port)/"))
        }
        #expect(engine.counters.attempts == 1)
    }
}
