import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct BasicExchangeTests {
    @Test func getReturnsStatusHeadersAndBody() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 200, headers: [("X-Path", request.path)], body: "hello", for: request)
        }
        let response = try await makeEngine().send(quickRequest(server.url("/a?b=1")))
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.headers["x-path"] == "/a")
        #expect(response.url == server.url("/a?b=1"))
        #expect(response.redirects.isEmpty)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "GET")
        #expect(seen.query == "b=1")
        #expect(seen.header("User-Agent") == CuratorIdentity.userAgent)
        #expect(seen.header("Accept-Encoding")?.isEmpty == false)
    }

    @Test func headSendsNoBodyAndReadsNone() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 200, body: "ignored", for: request)
        }
        let response = try await makeEngine().send(quickRequest(server.url("/"), method: .head))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(server.requests.map(\.method) == ["HEAD"])
    }

    @Test func postCarriesItsBody() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 200, body: "got \(request.bodyText)", for: request)
        }
        let response = try await makeEngine().send(
            quickRequest(server.url("/graphql"), method: .post, body: Array(#"{"query":"q"}"#.utf8))
        )
        #expect(response.text == #"got {"query":"q"}"#)
        #expect(server.requests.first?.method == "POST")
        #expect(server.requests.first?.header("Expect") == nil)
    }

    @Test(arguments: [404, 410, 451])
    func clientErrorsAreAnswersNotFailures(status: Int) async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: status, for: request)
        }
        let engine = try makeEngine()
        let response = try await engine.send(quickRequest(server.url("/gone")))
        #expect(response.status == status)
        #expect(server.requests.count == 1, "a definitive answer must not be retried")
        #expect(engine.counters.retries == 0)
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/hostname", "gopher://127.0.0.1/"])
    func nonHTTPSchemesAreRefused(url: String) async throws {
        let failure = try await failureOf(quickRequest(url), on: makeEngine())
        #expect(failure?.kind == .unsupportedScheme)
    }

    @Test func malformedURLIsReported() async throws {
        let failure = try await failureOf(quickRequest("http://exa mple.com/"), on: makeEngine())
        #expect(failure?.kind == .malformedURL)
    }
}
