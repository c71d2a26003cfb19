import CuratorCore
import CuratorHTTP
import CuratorSources
import CuratorTestSupport
import Foundation
import Testing

/// Each behaviour of a scripted server, through the real engine, ends in its typed verdict; the
/// faults a host's bad day produces never end in `dead`.
@Suite struct VerdictMappingTests {
    static func verdict(
        retry: RetryPolicy = quickRetry, timeout: Double = 3, _ handler: @escaping RawServer.Handler
    ) async throws -> LinkVerdict {
        let server = try RawServer(handler: handler)
        defer { server.stop() }
        return try await makeProber(retry: retry, timeout: timeout).check(server.url("/page"))
    }

    @Test func okIsOK() async throws {
        let verdict = try await Self.verdict { request, connection in
            connection.respond(status: 200, body: "hi", for: request)
        }
        #expect(verdict == .ok(status: 200))
    }

    @Test(arguments: [(404, LinkVerdict.DeadReason.notFound), (410, .gone), (451, .unavailableForLegalReasons)])
    func definitiveStatusesAreDead(status: Int, reason: LinkVerdict.DeadReason) async throws {
        let verdict = try await Self.verdict { request, connection in connection.respond(status: status, for: request) }
        guard case .dead(let found, let code, _) = verdict else {
            Issue.record("expected dead, got \(verdict)")
            return
        }
        #expect(found == reason)
        #expect(code == status)
    }

    @Test func permanentRedirectChainIsFixableToItsEnd() async throws {
        let verdict = try await Self.verdict { request, connection in
            switch request.path {
            case "/page": connection.respond(status: 301, headers: [("Location", "/middle")], for: request)
            case "/middle": connection.respond(status: 308, headers: [("Location", "/final")], for: request)
            default: connection.respond(status: 200, for: request)
            }
        }
        guard case .redirected(let permanent, let target, let chain) = verdict else {
            Issue.record("expected redirected, got \(verdict)")
            return
        }
        #expect(permanent)
        #expect(target.hasSuffix("/final"))
        #expect(chain.map(\.status) == [301, 308])
    }

    @Test func temporaryRedirectIsNotPermanent() async throws {
        let verdict = try await Self.verdict { request, connection in
            if request.path == "/page" {
                connection.respond(status: 302, headers: [("Location", "/login")], for: request)
            } else {
                connection.respond(status: 200, for: request)
            }
        }
        guard case .redirected(false, _, _) = verdict else {
            Issue.record("expected a temporary redirect, got \(verdict)")
            return
        }
    }

    @Test func redirectToADeadEndIsDeadWithTheWayThere() async throws {
        let verdict = try await Self.verdict { request, connection in
            if request.path == "/page" {
                connection.respond(status: 301, headers: [("Location", "/gone")], for: request)
            } else {
                connection.respond(status: 404, for: request)
            }
        }
        guard case .dead(.notFound, 404, let detail) = verdict else {
            Issue.record("expected dead, got \(verdict)")
            return
        }
        #expect(detail.contains("/gone"))
    }

    @Test func botWallsAreBlocked() async throws {
        let linkedIn = try await Self.verdict { request, connection in
            connection.respond(status: 999, reason: "Request denied", for: request)
        }
        #expect({ if case .blocked(999, _) = linkedIn { true } else { false } }(), "\(linkedIn)")
        let cloudflare = try await Self.verdict { request, connection in
            connection.respond(
                status: 403, headers: [("Server", "cloudflare"), ("cf-mitigated", "challenge")],
                body: "Just a moment...", for: request)
        }
        #expect(
            { if case .blocked(403, let detail) = cloudflare { detail.contains("Cloudflare") } else { false } }(),
            "\(cloudflare)")
    }

    @Test func throttlingThatNeverEndsIsRateLimited() async throws {
        let verdict = try await Self.verdict { request, connection in
            connection.respond(status: 429, headers: [("Retry-After", "0")], for: request)
        }
        #expect(verdict == .rateLimited(status: 429, retryAfter: 0))
    }

    @Test func serverErrorsAreTransient() async throws {
        let verdict = try await Self.verdict { request, connection in connection.respond(status: 503, for: request) }
        #expect({ if case .transient(503, _, _) = verdict { true } else { false } }(), "\(verdict)")
    }

    @Test func flakyHostRecoversWithinTheRetries() async throws {
        let server = try RawServer { request, connection in
            if request.sequence < 2 { connection.reset() } else { connection.respond(status: 200, for: request) }
        }
        defer { server.stop() }
        let verdict = try await makeProber().check(server.url("/page"))
        #expect(verdict == .ok(status: 200))
    }

    /// Every hostile behaviour ends in a verdict that is not `dead`; libcurl's own timer ends the
    /// ones that would never finish.
    @Test(arguments: HostileBehaviour.allCases)
    func hostileServersEndInAWarning(behaviour: HostileBehaviour) async throws {
        let verdict = try await Self.verdict(
            retry: RetryPolicy(maxAttempts: 1), timeout: 1.5, behaviour.handler)
        #expect(!verdict.isDead, "\(behaviour): \(verdict)")
        #expect(verdict != .ok(status: 200) || behaviour == .endlessBody, "\(behaviour): \(verdict)")
        if behaviour == .slowDrip { #expect({ if case .timeout = verdict { true } else { false } }(), "\(verdict)") }
    }

    /// A public link that redirects into the runner's network is reported as blocked with the
    /// reason, never as a moved link whose fix would write the internal address into the list.
    @Test func aRedirectIntoAnInternalAddressIsBlockedNotMoved() async throws {
        let server = try RawServer { request, connection in
            connection.respond(status: 301, headers: [("Location", "http://169.254.169.254/latest/")], for: request)
        }
        defer { server.stop() }
        let policy = AddressPolicy { host in host == "localhost" ? ["203.0.113.7"] : AddressPolicy.systemResolve(host) }
        let verdict = try await makeProber(addressPolicy: policy).check("http://localhost:\(server.port)/paper")
        guard case .blocked(301, let detail) = verdict else {
            Issue.record("expected blocked, got \(verdict)")
            return
        }
        #expect(detail.contains("169.254.169.254 is a link-local address"), "\(detail)")
    }

    /// A HEAD that declares a large body (a PDF) answers the check; no body is read.
    @Test func aHeadDeclaringMoreThanTheBodyCapIsOK() async throws {
        let server = try RawServer { request, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n")
            if request.method == "GET" { connection.write([UInt8](repeating: 37, count: 5_000_000)) }
        }
        defer { server.stop() }
        let verdict = try await makeProber().check(server.url("/paper.pdf"))
        #expect(verdict == .ok(status: 200))
        #expect(server.requests.map(\.method) == ["HEAD"])
    }

    @Test func missingHostIsDead() async throws {
        let verdict = try await makeProber().check("http://no-such-host.invalid/paper")
        #expect({ if case .dead(.noSuchHost, nil, _) = verdict { true } else { false } }(), "\(verdict)")
    }

    @Test func refusedConnectionIsTransient() async throws {
        let port = try RawServer.unusedPort()
        let verdict = try await makeProber().check("http://127.0.0.1:\(port)/")
        #expect({ if case .transient(nil, 7, _) = verdict { true } else { false } }(), "\(verdict)")
    }

    /// The raw server waits for a plain request that a TLS handshake never completes, so the
    /// handshake fails or times out; either way the link is not called dead.
    @Test func tlsFailureIsNotDead() async throws {
        let server = try RawServer { _, connection in connection.write("HTTP/1.1 200 OK\r\n\r\n") }
        defer { server.stop() }
        let verdict = try await makeProber(retry: RetryPolicy(maxAttempts: 1), timeout: 1)
            .check("https://\(server.host):\(server.port)/")
        let expected: Bool
        switch verdict {
        case .transient, .timeout: expected = true
        default: expected = false
        }
        #expect(expected, "\(verdict)")
    }
}

enum HostileBehaviour: String, CaseIterable, Sendable {
    case endlessBody, slowDrip, redirectLoop, resetMidBody, invalidHeader, hugeHeader, garbage

    var handler: RawServer.Handler {
        switch self {
        case .endlessBody:
            // HEAD is refused so that the probe must GET, and the GET never ends.
            return { request, connection in
                guard request.method == "GET" else { return connection.respond(status: 405, for: request) }
                connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
                let chunk = [UInt8](repeating: 120, count: 16 << 10)
                var written = 0
                while written < 64 << 20, connection.write(chunk) { written += chunk.count }
            }
        case .slowDrip:
            return { request, connection in
                guard request.method == "GET" else { return connection.respond(status: 405, for: request) }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
                connection.holdUntilClientCloses()
            }
        case .redirectLoop:
            return { request, connection in
                connection.respond(
                    status: 301, headers: [("Location", request.path == "/page" ? "/other" : "/page")], for: request)
            }
        case .resetMidBody:
            return { request, connection in
                guard request.method == "GET" else { return connection.respond(status: 405, for: request) }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf")
                connection.reset()
            }
        case .invalidHeader:
            return { _, connection in connection.write("HTTP/1.1 200 OK\r\nno colon here\r\n\u{1}\u{2}\r\n\r\n") }
        case .hugeHeader:
            return { _, connection in
                connection.write(
                    "HTTP/1.1 200 OK\r\nX-Huge: \(String(repeating: "h", count: 400_000))\r\nContent-Length: 0\r\n\r\n")
            }
        case .garbage:
            return { _, connection in connection.write("GARBAGE\r\n\r\n") }
        }
    }
}
