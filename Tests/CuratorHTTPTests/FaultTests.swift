import CuratorHTTP
import CuratorTestSupport
import Testing

@Suite struct FaultTests {
    private let once = RetryPolicy(maxAttempts: 1)

    @Test func endlessBodyIsCutAtTheCap() async throws {
        let server = try RawServer { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
            let chunk = [UInt8](repeating: 120, count: 16 << 10)
            while connection.write(chunk) {}
        }
        let failure = try await failureOf(quickRequest(server.url("/"), maxBodyBytes: 100_000), on: makeEngine())
        #expect(failure?.kind == .bodyTooLarge)
        #expect(failure?.curlCode == 23)
    }

    @Test func aStalledBodyTimesOutAtTheTotalTimeout() async throws {
        let server = try RawServer { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            connection.holdUntilClientCloses()
        }
        // The body never comes; libcurl's own timer ends the transfer, not this test's patience.
        let failure = try await failureOf(quickRequest(server.url("/"), totalTimeout: 0.5), on: makeEngine(retry: once))
        #expect(failure?.kind == .timeout)
        #expect(failure?.curlCode == 28)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "HTTP/1.1 abc OK\r\n\r\n",
        "\u{1}\u{2}\u{3} binary noise\r\n\r\n",
    ])
    func invalidRepliesAreInvalidResponses(reply: String) async throws {
        let server = try RawServer { _, connection in
            connection.write(reply)
        }
        let failure = try await failureOf(quickRequest(server.url("/")), on: makeEngine(retry: once))
        #expect(failure?.kind == .invalidResponse, "\(String(describing: failure))")
        #expect(failure?.curlCode != nil)
        #expect(failure?.message.isEmpty == false)
    }

    @Test func emptyReplyIsAReset() async throws {
        let server = try RawServer { _, connection in
            connection.close()
        }
        let failure = try await failureOf(quickRequest(server.url("/")), on: makeEngine(retry: once))
        #expect(failure?.kind == .connectionReset)
        #expect(failure?.curlCode == 52)
    }

    @Test func oneHugeHeaderFailsInsteadOfHanging() async throws {
        let server = try RawServer { _, connection in
            let value = String(repeating: "h", count: 300_000)
            connection.write("HTTP/1.1 200 OK\r\nX-Huge: \(value)\r\nContent-Length: 0\r\n\r\n")
        }
        let failure = try await failureOf(quickRequest(server.url("/")), on: makeEngine(retry: once))
        #expect(failure?.kind == .invalidResponse, "\(String(describing: failure))")
    }

    @Test func manyHeadersBeyondTheCapFail() async throws {
        let server = try RawServer { _, connection in
            var head = "HTTP/1.1 200 OK\r\n"
            for index in 0..<2000 {
                head += "X-Filler-\(index): \(String(repeating: "f", count: 60))\r\n"
            }
            connection.write(head + "Content-Length: 0\r\n\r\n")
        }
        let engine = try makeEngine(retry: once, maxHeaderBytes: 32 << 10)
        let failure = await failureOf(quickRequest(server.url("/")), on: engine)
        #expect(failure?.kind == .invalidResponse)
        #expect(failure?.message.contains("headers exceed") == true)
    }
}
