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
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry))
    }

    private func startDouble(_ papers: [ArxivDoublePaper]) async throws -> ArxivDouble {
        let double = ArxivDouble(papers: papers, spacing: TestTiming.arxivSpacing)
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
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry))

        let outcome = await client.lookup(texts: ["0000.0000", "2409.13652"])

        #expect(outcome.results["0000.0000"] == .malformed(reason: "incorrect id format for 0000.0000"))
        #expect(outcome.results["2409.13652"]?.paper != nil)
        let retried = try #require(await double.requests().first)
        #expect(retried.queryValue("id_list") == "2409.13652")
    }

    /// Without libxml2 no answer can be read: the client stops at the first one, without asking
    /// again, and its stop says what to install.
    @Test func stopsAtOnceWhenFeedsCannotBeRead() async throws {
        let answer = HTTPResponse(
            status: 200, headers: ["Content-Type": "application/atom+xml"],
            body: Array(ArxivFeedParserTests.currentFeed.utf8), url: "")
        let scripted = ScriptedClient(steps: [.respond(answer), .respond(answer)], then: URLSessionTestClient())
        let client = ArxivClient(
            http: scripted,
            configuration: ArxivClientConfiguration(
                endpoint: "http://127.0.0.1:9/api/query", spacing: TestTiming.arxivClientSpacing,
                retry: TestTiming.quickRetry),
            parseFeed: { _ throws(ArxivFeedParseError) in
                throw .parserUnavailable(reason: "libxml2.so.2: cannot open shared object file")
            })

        let outcome = await client.lookup(texts: ["hep-th/9901001"])

        #expect(await scripted.attempts == 1)
        #expect(outcome.unfetched == ["hep-th/9901001"])
        #expect(
            outcome.stop?.description
                == "cannot load libxml2.so.2, which curator needs to read arXiv feeds (libxml2.so.2: cannot open "
                + "shared object file); install the Debian package libxml2")
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
                retry: BackoffPolicy(
                    maxAttempts: 4, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(50), jitter: 0)))

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
                retry: BackoffPolicy(maxAttempts: 1, initialDelay: .milliseconds(10), jitter: 0))
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
                endpoint: await double.endpoint, spacing: TestTiming.arxivClientSpacing, retry: TestTiming.quickRetry))

        let outcome = await client.lookup([ArxivID("2409.13652")!])

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        #expect(await flaky.attempts == 3)
    }
}
