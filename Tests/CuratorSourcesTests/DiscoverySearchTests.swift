import CuratorCore
import CuratorHTTP
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

/// The discover search through the arXiv client against the loopback double, on a test clock:
/// paged, spaced like every other arXiv request, and robust to the API's sporadic faults.
@Suite(.serialized) struct DiscoverySearchTests {
    static let papers = (0..<150).map { index in
        ArxivDoublePaper(
            id: String(format: "2502.%05d", index), title: "Paper \(index)", authors: [.init("A")], summary: "S",
            published: String(format: "2025-02-%02dT10:00:00Z", 1 + index % 28), primaryCategory: "cs.CL")
    }

    @Test func pagesAreSpacedAndThrottlingIsRetried() async throws {
        let double = ArxivDouble(papers: Self.papers, spacing: TestTiming.arxivSpacing, clock: TestClock())
        try await double.start()
        defer { Task { await double.stop() } }
        await double.enqueue(.rateExceeded)
        let client = ArxivClient(
            http: URLSessionTestClient(),
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock))
        let query = Discovery.query(
            categories: ["cs.CL"], since: Date(timeIntervalSince1970: 1_735_689_600),
            until: Date(timeIntervalSince1970: 1_767_139_200))
        #expect(query == "cat:cs.CL AND submittedDate:[202501010000 TO 202512312359]")

        let search = await Discovery.search(query, client: client)

        #expect(search.stop == nil)
        #expect(search.papers.count == 150)
        #expect(Set(search.papers.map(\.id.base)).count == 150)
        let requests = await double.requests()
        // The throttled first answer, its retry, then the second page.
        #expect(requests.map { $0.queryValue("start") } == ["0", "0", "100"])
        #expect(requests.allSatisfy { $0.queryValue("sortBy") == "submittedDate" })
        #expect(await double.pacingViolations == 0)
    }

    @Test func aSearchThatCannotBeAnsweredSaysWhy() async throws {
        let double = ArxivDouble(papers: Self.papers, spacing: TestTiming.arxivSpacing, clock: TestClock())
        try await double.start()
        defer { Task { await double.stop() } }
        await double.enqueue(.serviceUnavailable, .serviceUnavailable, .serviceUnavailable)
        let client = ArxivClient(
            http: URLSessionTestClient(),
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock))

        let search = await Discovery.search("cat:cs.CL", client: client)

        #expect(search.papers.isEmpty)
        #expect(search.stop != nil)
    }
}
