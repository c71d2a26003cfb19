import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct RedirectTests {
    @Test func chainIsRecordedWithCodesAndRelativeLocationsResolved() async throws {
        let server = try RawServer { request, connection in
            switch request.path {
            case "/start": connection.respond(status: 301, headers: [("Location", "/dir/next")], for: request)
            case "/dir/next": connection.respond(status: 302, headers: [("Location", "last?x=1")], for: request)
            case "/dir/last": connection.respond(status: 307, headers: [("Location", "../end")], for: request)
            default: connection.respond(status: 200, body: "end", for: request)
            }
        }
        let response = try await makeEngine().send(quickRequest(server.url("/start")))
        #expect(response.status == 200)
        #expect(response.text == "end")
        #expect(response.url == server.url("/end"))
        #expect(
            response.redirects == [
                Redirect(url: server.url("/start"), status: 301, location: server.url("/dir/next")),
                Redirect(url: server.url("/dir/next"), status: 302, location: server.url("/dir/last?x=1")),
                Redirect(url: server.url("/dir/last?x=1"), status: 307, location: server.url("/end")),
            ]
        )
    }

    @Test func seeOtherTurnsPostIntoGet() async throws {
        let server = try RawServer { request, connection in
            if request.path == "/form" {
                connection.respond(status: 303, headers: [("Location", "/result")], for: request)
            } else {
                connection.respond(status: 200, body: request.method, for: request)
            }
        }
        let response = try await makeEngine().send(
            quickRequest(server.url("/form"), method: .post, body: Array("a=1".utf8))
        )
        #expect(response.text == "GET")
        #expect(server.requests.map(\.method) == ["POST", "GET"])
    }

    @Test func loopIsDetected() async throws {
        let server = try RawServer { request, connection in
            let next = request.path == "/a" ? "/b" : "/a"
            connection.respond(status: 302, headers: [("Location", next)], for: request)
        }
        let failure = try await failureOf(quickRequest(server.url("/a")), on: makeEngine())
        #expect(failure?.kind == .redirectLoop)
        #expect(failure?.redirects.count == 2)
        #expect(server.requests.count == 2)
    }

    @Test func chainIsBounded() async throws {
        let server = try RawServer { request, connection in
            let step = Int(request.path.dropFirst()) ?? 0
            connection.respond(status: 301, headers: [("Location", "/\(step + 1)")], for: request)
        }
        let failure = try await failureOf(quickRequest(server.url("/0"), maxRedirects: 3), on: makeEngine())
        #expect(failure?.kind == .tooManyRedirects)
        #expect(server.requests.count == 4)
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 302, headers: [("Location", "ftp://127.0.0.1/x")], for: request)
        }
        let failure = try await failureOf(quickRequest(server.url("/")), on: makeEngine())
        #expect(failure?.kind == .unsupportedScheme)
    }

    @Test func notFollowingReturnsTheRedirectItself() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 308, headers: [("Location", "/elsewhere")], for: request)
        }
        var request = quickRequest(server.url("/"))
        request.followRedirects = false
        let response = try await makeEngine().send(request)
        #expect(response.status == 308)
        #expect(response.headers["Location"] == "/elsewhere")
    }

    @Test func credentialsStayWithTheHostTheyWereGivenTo() async throws {
        let other = try RawServer(host: "127.0.0.8") { request, connection in
            connection.respond(status: 200, for: request)
        }
        let origin = try RawServer { request, connection in
            connection.respond(status: 302, headers: [("Location", other.url("/landing"))], for: request)
        }
        var request = quickRequest(origin.url("/"))
        request.headers = ["Authorization": "Bearer secret", "Accept": "text/html"]
        let response = try await makeEngine().send(request)
        #expect(response.status == 200)
        #expect(origin.requests.first?.header("Authorization") == "Bearer secret")
        let landed = try #require(other.requests.first)
        #expect(landed.header("Authorization") == nil)
        #expect(landed.header("Accept") == "text/html")
    }
}
