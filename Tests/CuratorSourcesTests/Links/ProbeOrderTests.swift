import CuratorHTTP
import Testing

@testable import CuratorSources

@Suite struct ProbeOrderTests {
    /// A list sorted by URL reaches the engine one URL per host in turn, hosts taken as remapped.
    @Test func urlsAreQueuedRoundRobinByHost() throws {
        let prober = try makeProber(remap: ["^https://c\\.example/ https://a.example/"])
        let urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1", "https://c.example/9"]
        #expect(
            prober.interleavedByHost(urls)
                == ["https://a.example/1", "https://b.example/1", "https://a.example/2", "https://a.example/3", "https://c.example/9"],
            "c.example is fetched from a.example, so it queues behind a.example's links")
        #expect(LinkProber.host(of: "HTTP://Example.org:8080/x?y") == "example.org:8080")
    }
}
