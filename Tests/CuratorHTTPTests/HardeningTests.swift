import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorHTTP

/// What a hostile server or a hostile configuration must not achieve: a redirect into the
/// runner's own network, a token carried to another origin, a trap on an infinite timeout, a run
/// held past its time budget, a token printed back.
@Suite struct HardeningTests {
    /// `localhost` is where the test servers listen; this policy makes it count as a public host,
    /// so that a link to it stands for a link to the internet, and maps `internal.test` to a
    /// private address.
    static let publicLocalhost = AddressPolicy { host in
        switch host {
        case "localhost": ["203.0.113.7"]
        case "internal.test": ["198.51.100.1", "10.1.2.3"]
        default: AddressPolicy.systemResolve(host)
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:PORT/admin", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
        "http://172.16.5.4/", "http://192.168.1.1/", "http://[::1]:PORT/", "http://[fe80::1]/", "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]:PORT/", "http://0.0.0.0:PORT/", "http://internal.test/",
    ])
    func aRedirectFromAPublicLinkIntoAnInternalAddressIsNotFollowed(target: String) async throws {
        let inside = try RawServer { request, connection in connection.respond(status: 200, for: request) }
        let location = target.replacingOccurrences(of: "PORT", with: String(inside.port))
        let outside = try RawServer { request, connection in
            connection.respond(status: 301, headers: [("Location", location)], for: request)
        }
        let engine = try makeEngine(addressPolicy: Self.publicLocalhost)
        let failure = await failureOf(quickRequest("http://localhost:\(outside.port)/paper"), on: engine)
        #expect(failure?.kind == .redirectToInternalAddress, "\(String(describing: failure))")
        #expect(failure?.message.contains("not followed") == true)
        #expect(failure?.redirects.map(\.status) == [301])
        #expect(inside.requests.isEmpty, "the internal address was never asked")
    }

    @Test func aLinkIntoTheLocalNetworkMayRedirectWithinIt() async throws {
        let inside = try RawServer { request, connection in connection.respond(status: 200, for: request) }
        let outside = try RawServer { request, connection in
            connection.respond(status: 301, headers: [("Location", inside.url("/new"))], for: request)
        }
        let response = try await makeEngine().send(quickRequest(outside.url("/old")))
        #expect(response.status == 200)
        #expect(inside.requests.count == 1)
    }

    @Test func theAddressRangesAreClassified() {
        for address in [
            "127.0.0.1", "127.255.0.9", "10.9.9.9", "172.31.255.255", "192.168.0.1", "169.254.169.254",
            "0.0.0.0", "::1", "::", "fe80::1%eth0", "fd12::1", "::ffff:10.0.0.1",
        ] {
            #expect(AddressPolicy.internalKind(of: address) != nil, "\(address)")
        }
        for address in [
            "8.8.8.8", "172.32.0.1", "172.15.0.1", "192.169.0.1", "169.255.0.1", "2606:4700::1111", "fec0::1",
        ] {
            #expect(AddressPolicy.internalKind(of: address) == nil, "\(address)")
        }
    }

    @Test func authorizationIsDroppedWhenTheRedirectChangesPortOrHost() async throws {
        let other = try RawServer { request, connection in connection.respond(status: 200, for: request) }
        let origin = try RawServer { request, connection in
            switch request.path {
            case "/same": connection.respond(status: 302, headers: [("Location", "/kept")], for: request)
            case "/port":
                connection.respond(status: 302, headers: [("Location", other.url("/elsewhere"))], for: request)
            case "/host":
                let port = request.header("Host")?.split(separator: ":").last ?? ""
                connection.respond(status: 302, headers: [("Location", "http://localhost:\(port)/named")], for: request)
            default: connection.respond(status: 200, for: request)
            }
        }
        let engine = try makeEngine()
        for path in ["/same", "/port", "/host"] {
            var request = quickRequest(origin.url(path))
            request.headers.add("Authorization", "Bearer ghp_REDIRECTtest0nly0123456789")
            #expect(try await engine.send(request).status == 200)
        }
        let seen = (origin.requests + other.requests).map { ($0.path, $0.header("Authorization") != nil) }
        let carried = Dictionary(seen, uniquingKeysWith: { first, _ in first })
        #expect(carried["/kept"] == true, "a redirect within the origin keeps the credential")
        #expect(carried["/elsewhere"] == false, "another port is another origin")
        #expect(carried["/named"] == false, "another host name is another origin")
    }

    @Test(arguments: [Double.infinity, .nan, .greatestFiniteMagnitude, -1])
    func anyTimeoutValueIsSafe(timeout: Double) async throws {
        let server = try RawServer { request, connection in connection.respond(status: 200, for: request) }
        let request = HTTPRequest(url: server.url("/"), connectTimeout: timeout, totalTimeout: timeout)
        #expect(try await makeEngine().send(request).status == 200)
    }

    @Test func aHeadDeclaringALargeBodyIsAnAnswer() async throws {
        let server = try RawServer { request, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n")
        }
        let result = try await makeEngine().probe(
            HTTPRequest(
                method: .head, url: server.url("/big.pdf"), connectTimeout: 5, totalTimeout: 30, maxBodyBytes: 1 << 20))
        #expect(result.response.status == 200)
        #expect(result.method == .head)
    }

    /// A Retry-After longer than the budget is not waited for: the answer is returned, and a
    /// request queued for the host ends at once instead of waiting for a start that never comes.
    @Test func aThrottledHostPastTheDeadlineGetsNothingMore() async throws {
        let clock = TestClock()
        let server = try RawServer { request, connection in
            connection.respond(status: 429, headers: [("Retry-After", "30")], for: request)
        }
        var retry = fastRetry
        retry.retryAfterCap = 3600
        let engine = try CurlEngine(
            configuration: EngineConfiguration(
                defaultHostPolicy: HostPolicy(maxConcurrent: 1), retry: retry,
                clock: DeadlineClock(clock, deadline: clock.now + .seconds(10))))
        #expect(try await engine.send(quickRequest(server.url("/first"))).status == 429, "the last answer")
        let failure = await failureOf(quickRequest(server.url("/second")), on: engine)
        #expect(failure?.kind == .outOfTime)
        #expect(server.requests.map(\.path) == ["/first"])
        #expect(clock.sleeps.isEmpty)
    }

    @Test func nothingIsSentAfterTheDeadline() async throws {
        let clock = TestClock()
        let server = try RawServer { request, connection in connection.respond(status: 200, for: request) }
        let engine = try CurlEngine(configuration: EngineConfiguration(clock: clock, deadline: clock.now + .seconds(1)))
        clock.advance(by: .seconds(2))
        let failure = await failureOf(quickRequest(server.url("/")), on: engine)
        #expect(failure?.kind == .outOfTime)
        #expect(failure?.isTransient == false)
        #expect(server.requests.isEmpty)
    }

    @Test func aWaitPastTheDeadlineIsNotBegun() async throws {
        let clock = TestClock()
        let budget = DeadlineClock(clock, deadline: clock.now + .seconds(5))
        try await budget.sleep(for: .seconds(3))
        await #expect(throws: DeadlineClock.OutOfTime.self) { try await budget.sleep(for: .seconds(3600)) }
        #expect(clock.elapsed == .seconds(3), "the refused wait took no time")
        #expect(DeadlineClock(clock, budget: .infinity).deadline > clock.now)
    }

    @Test func tokensAreRedactedFromText() {
        Redaction.register("s2-SECRETkey0123")
        let text = """
            401: {"message": "Bad credentials", "echo": "Authorization: Bearer abc.def-ghi_jkl", \
            "token": "ghp_ABCDEFGHIJ0123456789", "pat": "github_pat_11ABCDEFG0123456789_xyz", \
            "key": "s2-SECRETkey0123"}
            """
        let redacted = Redaction.redact(text)
        for secret in [
            "abc.def-ghi_jkl", "ghp_ABCDEFGHIJ0123456789", "github_pat_11ABCDEFG0123456789_xyz", "s2-SECRETkey0123",
        ] {
            #expect(!redacted.contains(secret), "\(secret) in \(redacted)")
        }
        #expect(redacted.contains("Bearer [redacted]"))
        #expect(redacted.contains("Bad credentials"))
        #expect(Redaction.redact("a token expired, see the docs") == "a token expired, see the docs")
    }

    @Test func failureMessagesAreRedacted() {
        let failure = HTTPFailure(.other, message: "server said: Bearer ghp_ECHOEDtoken0123456789")
        #expect(!failure.message.contains("ghp_ECHOED"))
    }
}
