import CuratorHTTP
import Testing

@testable import CuratorSources

@Suite struct ProbeOrderTests {
    /// A list sorted by URL reaches the engine one URL per host in turn, hosts taken as remapped.
    @Test func urlsAreQueuedRoundRobinByHost() throws {
        let prober = try makeProber(remap: ["^https://c\\.example/ https://a.example/"])
        let urls = [
            "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1",
            "https://c.example/9",
        ]
        #expect(
            prober.interleavedByHost(urls)
                == [
                    "https://a.example/1", "https://b.example/1", "https://a.example/2", "https://a.example/3",
                    "https://c.example/9",
                ],
            "c.example is fetched from a.example, so it queues behind a.example's links")
        #expect(LinkProber.host(of: "HTTP://Example.org:8080/x?y") == "example.org:8080")
    }
}

@Suite struct RemapTests {
    @Test func redirectsInsideARemappedSiteAreReportedAtTheOriginalAddress() {
        #expect(
            LinkProber.unmap(
                "http://127.0.0.1:9/example.org/new", original: "https://example.org/moved",
                fetched: "http://127.0.0.1:9/example.org/moved") == "https://example.org/new")
        #expect(
            LinkProber.unmap(
                "http://mirror.test/new", original: "https://example.org/old", fetched: "http://mirror.test/old")
                == "https://example.org/new")
        #expect(
            LinkProber.unmap(
                "https://elsewhere.org/x", original: "https://example.org/old", fetched: "http://mirror.test/old")
                == "https://elsewhere.org/x")
    }
}
