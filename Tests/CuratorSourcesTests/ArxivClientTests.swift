import CuratorCore
import CuratorHTTP
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

/// The arXiv client against the loopback double, over real HTTP.
@Suite(.serialized) struct ArxivClientTests {
    private func makeClient(_ double: ArxivDouble) async -> ArxivClient {
        ArxivClient(
            http: URLSessionTestClient(),
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock))
    }

    private func startDouble(_ papers: [ArxivDoublePaper]) async throws -> ArxivDouble {
        let double = ArxivDouble(papers: papers, spacing: TestTiming.arxivSpacing, clock: TestClock())
        try await double.start()
        return double
    }

    @Test(arguments: [ArxivDouble.Format.current, .legacy])
    func findsPapersUnknownIdsAndOldStyleIds(format: ArxivDouble.Format) async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        await double.setFormat(format)
        let client = await makeClient(double)

        let outcome = await client.lookup(texts: [
            "https://arxiv.org/abs/2409.13652v1", "2104.12255", "2301.00001", "hep-th/9901001", "2501.99999",
        ])

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        let sparse = try #require(outcome.results["https://arxiv.org/abs/2409.13652v1"]?.paper)
        // The unversioned request returns the latest version.
        #expect(sparse.id.version == 2)
        #expect(sparse.title == ArxivFixtures.sparse.title)
        #expect(sparse.authors.first == ArxivAuthor(name: "Jürgen Ölmann", affiliations: ["TU Wien"]))
        #expect(sparse.summary.hasPrefix("We study head pruning."))
        #expect(sparse.doi == "10.48550/arXiv.2409.13652")
        #expect(outcome.results["2104.12255"]?.paper?.title == "0")
        #expect(outcome.results["2301.00001"]?.paper?.isWithdrawn == true)
        #expect(outcome.results["hep-th/9901001"]?.paper?.journalRef == "Nucl.Phys. B550 (1999) 1-20")
        #expect(outcome.results["2501.99999"] == .unknown)
    }

    @Test func batchesOfAtMostOneHundredPacedOnOneConnectionAtATime() async throws {
        let papers = ArxivFixtures.many(250)
        let double = try await startDouble(papers)
        defer { Task { await double.stop() } }
        let client = await makeClient(double)

        let outcome = await client.lookup(papers.map { ArxivID($0.id)! })

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        #expect(outcome.results.count == 250)
        #expect(outcome.results.values.allSatisfy { $0.paper != nil })
        let log = await double.requests()
        #expect(log.count == 3)
        let sizes = log.map { $0.queryValue("id_list")!.split(separator: ",").count }
        #expect(sizes == [100, 100, 50])
        #expect(log.map { $0.queryValue("max_results") } == ["100", "100", "50"])
        for (earlier, later) in zip(log, log.dropFirst()) {
            #expect(later.arrivalInstant - earlier.arrivalInstant >= TestTiming.arxivSpacing)
        }
        #expect(await double.pacingViolations == 0)
        #expect(log.allSatisfy { $0.header("User-Agent")?.hasPrefix("curator/") == true })
    }

    @Test func concurrentCallersShareOnePacedQueue() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let client = await makeClient(double)

        async let first = client.lookup([ArxivID("2409.13652")!])
        async let second = client.lookup([ArxivID("2104.12255")!])
        let results = await [first, second]

        #expect(results.allSatisfy { $0.isComplete })
        #expect(await double.pacingViolations == 0)
    }

    @Test func theDoubleTruncatesToTenWithoutMaxResults() async throws {
        let papers = ArxivFixtures.many(11)
        let double = try await startDouble(papers)
        defer { Task { await double.stop() } }
        let ids = papers.map(\.id).joined(separator: ",")
        let response = try await URLSessionTestClient().send(
            HTTPRequest(url: "\(await double.endpoint)?id_list=\(ids)", headers: ["User-Agent": "test"]))
        let feed = try ArxivFeedParser.parse(response.body)
        #expect(feed.papers.count == 10)
        #expect(feed.totalResults == 11)
    }

    @Test func aMalformedIdIsReportedAndTheRestOfTheBatchStillAnswered() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let client = await makeClient(double)

        let outcome = await client.lookup(texts: ["abc", "2409.13652", "1234.1234"])

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        guard case .malformed(let reason)? = outcome.results["abc"] else {
            Issue.record("abc should be malformed")
            return
        }
        #expect(reason.contains("abc"))
        #expect(outcome.results["1234.1234"].map { if case .malformed = $0 { true } else { false } } == true)
        #expect(outcome.results["2409.13652"]?.paper != nil)
        // Locally rejected ids never reach the API.
        #expect(await double.requests().count == 1)
    }

    @Test func theDoubleAnswersAMalformedIdWithTheErrorFeed() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let response = try await URLSessionTestClient().send(
            HTTPRequest(url: "\(await double.endpoint)?id_list=abc,2409.13652", headers: ["User-Agent": "test"]))
        #expect(response.status == 400)
        let feed = try ArxivFeedParser.parse(response.body)
        #expect(feed.errors.first?.offendingID == "abc")
    }

    @Test func anIdTheServerRejectsIsMarkedMalformedAndTheRestAskedAgain() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let rejection = HTTPResponse(
            status: 400, headers: ["Content-Type": "application/atom+xml"],
            body: Array(Self.errorFeed(for: "0000.0000").utf8), url: "")
        let scripted = ScriptedClient(steps: [.respond(rejection)], then: URLSessionTestClient())
        let client = ArxivClient(
            http: scripted,
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock))

        let outcome = await client.lookup(texts: ["0000.0000", "2409.13652"])

        #expect(outcome.results["0000.0000"] == .malformed(reason: "incorrect id format for 0000.0000"))
        #expect(outcome.results["2409.13652"]?.paper != nil)
        let retried = try #require(await double.requests().first)
        #expect(retried.queryValue("id_list") == "2409.13652")
    }

    static func errorFeed(for id: String) -> String {
        """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/</id>
          <title>arXiv Search Results</title>
          <opensearch:totalResults>1</opensearch:totalResults>
          <entry>
            <id>https://arxiv.org/api/errors#incorrect_id_format_for_\(id)</id>
            <title>Error</title>
            <summary>incorrect id format for \(id)</summary>
            <author><name>arXiv api core</name></author>
          </entry>
        </feed>
        """
    }

    @Test func throttlingAndOutagesAreRetriedWithinBounds() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        await double.enqueue(.rateExceeded, .rateExceededWithStatus200, .serviceUnavailable)
        let client = ArxivClient(
            http: URLSessionTestClient(),
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing,
                retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.02, maxDelay: 0.05, jitter: 0), clock: double.clock))

        let outcome = await client.lookup([ArxivID("2409.13652")!])

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        #expect(outcome.results[ArxivID("2409.13652")!]?.paper != nil)
        #expect(await double.requests().map(\.status) == [429, 200, 503, 200])
    }

    @Test func givingUpKeepsWhatWasFetchedAndListsTheRest() async throws {
        let papers = ArxivFixtures.many(150)
        let double = try await startDouble(papers)
        defer { Task { await double.stop() } }
        let client = await makeClient(double)
        let ids = papers.map { ArxivID($0.id)! }
        // The first batch succeeds; every attempt at the second is throttled.
        _ = await client.lookup([ids[0]])
        await double.enqueue(.rateExceeded)

        let outcome = await ArxivClient(
            http: URLSessionTestClient(),
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing,
                retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01, jitter: 0), clock: double.clock)
        ).lookup(ids)

        #expect(outcome.results.isEmpty)
        #expect(outcome.unfetched.count == 150)
        #expect(outcome.stop == .serviceUnavailable(status: 429, attempts: 1))
    }

    @Test func anEmptyFeedIsAskedAgainOnce() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        await double.enqueue(.emptyFeed)
        let client = await makeClient(double)

        let outcome = await client.lookup([ArxivID("2409.13652")!, ArxivID("2104.12255")!])

        #expect(outcome.results.values.allSatisfy { $0.paper != nil })
        #expect(await double.requests().count == 2)
    }

    @Test func connectionErrorsAreRetried() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let reset = HTTPFailure(.connectionReset, curlCode: 56, message: "Connection reset by peer")
        let flaky = ScriptedClient(steps: [.fail(reset), .fail(reset)], then: URLSessionTestClient())
        let client = ArxivClient(
            http: flaky,
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock))

        let outcome = await client.lookup([ArxivID("2409.13652")!])

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        #expect(await flaky.attempts == 3)
    }

    /// A feed cut off mid-way (status 200) is a failed request: it is asked again, and when every
    /// answer is cut the papers are left unfetched with the reason, never reported unknown.
    @Test func aTruncatedFeedIsAskedAgainAndNeverMeansUnknown() async throws {
        let double = try await startDouble(ArxivFixtures.all)
        defer { Task { await double.stop() } }
        let whole = ArxivFeedParserTests.currentFeed
        let cut = HTTPResponse(
            status: 200, headers: ["Content-Type": "application/atom+xml"],
            body: Array(whole[..<whole.range(of: "</entry>")!.lowerBound].utf8), url: "")
        let once = ScriptedClient(steps: [.respond(cut)], then: URLSessionTestClient())
        let recovered = await ArxivClient(
            http: once,
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock)
        ).lookup([ArxivID("2409.13652")!])
        #expect(recovered.stop == nil)
        #expect(recovered.results[ArxivID("2409.13652")!]?.paper != nil)

        let always = ScriptedClient(steps: Array(repeating: .respond(cut), count: 3), then: URLSessionTestClient())
        let failed = await ArxivClient(
            http: always,
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry,
                clock: double.clock)
        ).lookup([ArxivID("2409.13652")!, ArxivID("2104.12255")!])
        #expect(failed.results.isEmpty, "no paper is called unknown on a cut feed: \(failed.results)")
        #expect(failed.unfetched.count == 2)
        #expect(failed.stop?.description.contains("truncated") == true, "\(String(describing: failed.stop))")
    }

    /// Every arXiv request of a run goes through one pacer: two clients sharing it (the link
    /// resolver and the metadata lookups of one run) never come closer than the spacing, and a
    /// Retry-After pushes every later request back.
    @Test func clientsSharingAPacerKeepTheSpacingAndRetryAfterBetweenThem() async throws {
        let double = try await startDouble(ArxivFixtures.many(4))
        defer { Task { await double.stop() } }
        let clock = try #require(double.clock as? TestClock)
        let pacer = RequestPacer(spacing: TestTiming.arxivClientSpacing, clock: clock)
        let configuration = ArxivClientConfiguration(
            endpoint: await double.endpoint, batchSize: 1, spacing: TestTiming.arxivClientSpacing,
            retry: TestTiming.quickRetry, clock: clock)
        let throttled = HTTPResponse(
            status: 429, headers: ["Retry-After": "30", "Content-Type": "text/plain"],
            body: Array("Rate exceeded.".utf8),
            url: "")
        let scripted = ScriptedClient(steps: [.respond(throttled)], then: URLSessionTestClient())
        let first = ArxivClient(http: scripted, configuration: configuration, pacer: pacer)
        let second = ArxivClient(http: URLSessionTestClient(), configuration: configuration, pacer: pacer)
        let ids = ArxivFixtures.many(4).map { ArxivID($0.id)! }

        // The first client's first request is the one answered 429; the second client starts
        // while the first is still working through its batches.
        let firstRun = Task { await first.lookup(Array(ids[0..<2])) }
        while await scripted.attempts == 0 { await Task.yield() }
        let two = await second.lookup(Array(ids[2..<4]))
        let one = await firstRun.value

        #expect(one.stop == nil && two.stop == nil)
        #expect(await double.pacingViolations == 0)
        let offsets = await double.requests().map { $0.arrivalInstant - clock.start }
        #expect(offsets.count == 4)
        // Nothing reached the server in the 30 s after the 429 (which the double never saw).
        #expect(offsets.allSatisfy { $0 >= .seconds(30) }, "arrivals at \(offsets)")
        for (earlier, later) in zip(offsets, offsets.dropFirst()) {
            #expect(later - earlier >= TestTiming.arxivClientSpacing)
        }
    }
}
