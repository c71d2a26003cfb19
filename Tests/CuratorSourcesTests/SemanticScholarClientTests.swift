import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

@Suite struct SemanticScholarClientTests {
    static func papers(_ count: Int) -> [SemanticScholarDouble.Paper] {
        (0..<count).map { index in
            SemanticScholarDouble.Paper(
                paperId: String(repeating: "a", count: 32) + String(format: "%08x", index),
                arxivID: String(format: "2406.%05d", index + 1),
                corpusId: 100 + index, title: "Paper \(index)", year: 2024, citationCount: index * 10,
                influentialCitationCount: index)
        }
    }

    private func client(_ double: SemanticScholarDouble, key: String? = nil) async -> SemanticScholarClient {
        SemanticScholarClient(
            http: URLSessionTestClient(),
            configuration: .init(
                baseURL: await double.baseURL, apiKey: key.flatMap(SemanticScholarAPIKey.init),
                spacing: .milliseconds(60),
                retry: TestTiming.quickRetry))
    }

    @Test func batchesOfFiveHundredMatchedByPositionWithNullsForUnknown() async throws {
        let double = SemanticScholarDouble(papers: Self.papers(600), apiKey: "s2-key", spacing: .milliseconds(50))
        try await double.start()
        defer { Task { await double.stop() } }
        var ids = Self.papers(600).map { ArxivID($0.arxivID)! }
        ids.insert(ArxivID("2406.99999")!, at: 3)
        ids.append(ArxivID("2406.00002v3")!)

        let outcome = await client(double, key: "s2-key").citations(for: ids)

        #expect(outcome.stop == nil)
        #expect(outcome.results.count == 601)
        #expect(outcome.results[ArxivID("2406.99999")!] == .unknown)
        guard case .found(let citations)? = outcome.results[ArxivID("2406.00011")!] else {
            Issue.record("expected found")
            return
        }
        #expect(citations.citationCount == 100)
        #expect(citations.influentialCitationCount == 10)
        let log = await double.requests()
        #expect(log.count == 2)
        let sent = log.map {
            (try? JSONSerialization.jsonObject(with: Data($0.body)) as? [String: [String]])?["ids"] ?? []
        }
        #expect(sent.map(\.count) == [500, 101])
        #expect(sent.joined().allSatisfy { $0.hasPrefix("ARXIV:") && !$0.contains("v3") })
        #expect(
            log.allSatisfy {
                $0.header("x-api-key") == "s2-key" && $0.queryValue("fields")?.contains("citationCount") == true
            })
    }

    @Test func throttlingIsRetriedWithBackoff() async throws {
        let double = SemanticScholarDouble(papers: Self.papers(2))
        try await double.start()
        defer { Task { await double.stop() } }
        await double.enqueue(.tooManyRequests, .tooManyRequests)

        let outcome = await client(double).citations(for: [ArxivID("2406.00001")!])

        #expect(outcome.stop == nil)
        #expect(outcome.results[ArxivID("2406.00001")!] != nil)
        #expect(await double.requests().map(\.status) == [429, 429, 200])
        #expect(await double.requests().allSatisfy { $0.header("x-api-key") == nil })
    }

    @Test func persistentThrottlingStopsWithEverythingUnfetched() async throws {
        let double = SemanticScholarDouble(papers: Self.papers(2))
        try await double.start()
        defer { Task { await double.stop() } }
        await double.enqueue(.tooManyRequests, .tooManyRequests, .tooManyRequests)

        let outcome = await client(double).citations(for: [ArxivID("2406.00001")!, ArxivID("2406.00002")!])

        #expect(outcome.stop == .serviceUnavailable(status: 429, attempts: 3))
        #expect(outcome.unfetched.count == 2)
    }
}
