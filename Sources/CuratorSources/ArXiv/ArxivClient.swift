import CuratorCore
import CuratorHTTP

/// Looks papers up by id through the arXiv query API.
///
/// Requests go out one at a time, at least `spacing` apart, in batches of at most 100 ids. Each
/// request sets `max_results` to its batch size because the API applies its default of 10 to
/// `id_list` queries too and silently drops the rest. Entries come back in no particular order and
/// carry a version (`…v2`), so they are matched to the request by the id without its version; an id
/// with no entry is unknown.
public final class ArxivClient: Sendable {
    private let http: any HTTPClient
    private let configuration: ArxivClientConfiguration
    private let pacer: RequestPacer

    /// - Parameter pacer: the run's one pacer for the arXiv API, shared by every client of the run
    ///   so that the spacing holds across all of their requests; nil makes one for this client.
    public init(
        http: any HTTPClient, configuration: ArxivClientConfiguration = ArxivClientConfiguration(),
        pacer: RequestPacer? = nil
    ) {
        self.http = http
        self.configuration = configuration
        self.pacer = pacer ?? RequestPacer(spacing: configuration.spacing, clock: configuration.clock)
    }

    /// Looks up ids as written in the list (bare ids or arXiv URLs). Text that is not an arXiv id
    /// is answered `.malformed` without asking the API.
    public func lookup(texts: [String]) async -> FetchOutcome<String, PaperLookup> {
        var outcome = FetchOutcome<String, PaperLookup>()
        var parsed: [(String, ArxivID)] = []
        for text in texts {
            if let id = ArxivID(text) {
                parsed.append((text, id))
            } else {
                outcome.results[text] = .malformed(reason: "not an arXiv id: \(text)")
            }
        }
        let fetched = await lookup(parsed.map(\.1))
        for (text, id) in parsed {
            if let result = fetched.results[id] {
                outcome.results[text] = result
            } else {
                outcome.unfetched.append(text)
            }
        }
        outcome.stop = fetched.stop
        return outcome
    }

    /// Looks up papers by id; results are keyed by the id without its version.
    public func lookup(_ ids: [ArxivID]) async -> FetchOutcome<ArxivID, PaperLookup> {
        var seen = Set<ArxivID>()
        let unique = ids.map(\.unversioned).filter { seen.insert($0).inserted }
        var outcome = FetchOutcome<ArxivID, PaperLookup>()
        let batches = unique.chunked(into: configuration.batchSize)
        for (index, batch) in batches.enumerated() {
            switch await fetch(batch) {
            case .answered(let results):
                outcome.results.merge(results) { _, new in new }
            case .stopped(let stop, let partial):
                outcome.results.merge(partial) { _, new in new }
                let remaining = batches[index...].joined().filter { partial[$0] == nil }
                outcome.unfetched = Array(remaining)
                outcome.stop = stop
                return outcome
            }
        }
        return outcome
    }

    private enum BatchResult {
        case answered([ArxivID: PaperLookup])
        case stopped(FetchStop, partial: [ArxivID: PaperLookup])
    }

    private func fetch(_ batch: [ArxivID]) async -> BatchResult {
        var pending = batch
        var results: [ArxivID: PaperLookup] = [:]
        var attempt = 0
        var emptyRetries = configuration.emptyFeedRetries
        var lastStop = FetchStop.serviceUnavailable(status: nil, attempts: 0)
        while !pending.isEmpty {
            attempt += 1
            let response: HTTPResponse
            switch await exchange(makeRequest(pending), attempt: attempt, lastStop: &lastStop) {
            case .response(let answer): response = answer
            case .retry: continue
            case .stop(let stop): return .stopped(stop, partial: results)
            }
            switch ArxivResponseKind(response, parse: ArxivFeedParser.parse) {
            case .throttled, .unavailable:
                lastStop = .serviceUnavailable(status: response.status, attempts: attempt)
                continue
            case .malformed(let reason):
                // A feed cut short or broken says nothing about the papers it left out: the
                // request failed, and is asked again like any other failure.
                lastStop = .unexpectedResponse(status: response.status, summary: reason)
                continue
            case .badRequest(let feed):
                let rejected = Set(feed.errors.compactMap(\.offendingID))
                let before = pending.count
                pending.removeAll { id in
                    guard rejected.contains(id.base) || rejected.contains(id.description) else { return false }
                    results[id] = .malformed(
                        reason: feed.errors.first { $0.offendingID == id.base }?.message ?? "incorrect id format")
                    return true
                }
                if pending.count == before {
                    return .stopped(
                        .unexpectedResponse(status: 400, summary: feed.errors.first?.message ?? "bad request"),
                        partial: results)
                }
                // The rejected ids are out; the rest of the batch is asked again without using up an attempt.
                attempt -= 1
            case .feed(let feed):
                if feed.papers.isEmpty, emptyRetries > 0 {
                    emptyRetries -= 1
                    attempt -= 1
                    continue
                }
                let wanted = Set(pending)
                for paper in feed.papers where wanted.contains(paper.id) {
                    results[paper.id.unversioned] = .found(paper)
                }
                for id in pending where results[id] == nil {
                    results[id] = .unknown
                }
                pending = []
            case .unexpected(let summary):
                return .stopped(.unexpectedResponse(status: response.status, summary: summary), partial: results)
            }
        }
        return .answered(results)
    }

    private enum Exchange {
        case response(HTTPResponse)
        /// A transient failure: ask again.
        case retry
        case stop(FetchStop)
    }

    /// Attempt number `attempt` at a request: the wait of the retry policy before it (none before
    /// the first), then the request through the run's pacer, so that it keeps its distance from
    /// every other arXiv request of the run. `lastStop` is what to report if this is the end.
    private func exchange(_ request: HTTPRequest, attempt: Int, lastStop: inout FetchStop) async -> Exchange {
        if attempt > configuration.retry.maxAttempts { return .stop(lastStop) }
        if attempt > 1 {
            do {
                try await configuration.clock.sleep(for: configuration.retry.delay(after: attempt - 1))
            } catch is DeadlineClock.OutOfTime {
                return .stop(.outOfTime(after: lastStop))
            } catch {}
        }
        do {
            return .response(
                try await pacer.run(
                    { () async throws(HTTPFailure) -> HTTPResponse in try await self.http.send(request) },
                    holdOff: retryAfter,
                    instead: { () throws(HTTPFailure) -> HTTPResponse in throw HTTPFailure.outOfTime }))
        } catch {
            lastStop = FetchStop.failed(error, attempts: attempt, previous: attempt > 1 ? lastStop : nil)
            return error.isTransient ? .retry : .stop(lastStop)
        }
    }

    /// One page of a `search_query` (`cat:cs.CL AND submittedDate:[… TO …]`), newest first: the
    /// feed, or why there is none. Throttled, unavailable and broken answers are asked again like
    /// a lookup's; an empty page before the end of the results is the API's sporadic empty feed.
    public func search(_ query: String, start: Int, maxResults: Int) async -> Result<ArxivFeed, FetchStop> {
        var attempt = 0
        var emptyRetries = configuration.emptyFeedRetries
        var lastStop = FetchStop.serviceUnavailable(status: nil, attempts: 0)
        let request = HTTPRequest(
            method: .get,
            url: "\(configuration.endpoint)?"
                + URLQuery.encode([
                    ("search_query", query), ("start", String(start)), ("max_results", String(maxResults)),
                    ("sortBy", "submittedDate"), ("sortOrder", "descending"),
                ]),
            headers: ["User-Agent": configuration.userAgent, "Accept": "application/atom+xml"],
            connectTimeout: 15, totalTimeout: 90)
        while true {
            attempt += 1
            let response: HTTPResponse
            switch await exchange(request, attempt: attempt, lastStop: &lastStop) {
            case .response(let answer): response = answer
            case .retry: continue
            case .stop(let stop): return .failure(stop)
            }
            switch ArxivResponseKind(response, parse: ArxivFeedParser.parse) {
            case .throttled, .unavailable:
                lastStop = .serviceUnavailable(status: response.status, attempts: attempt)
            case .malformed(let reason):
                lastStop = .unexpectedResponse(status: response.status, summary: reason)
            case .badRequest(let feed):
                return .failure(
                    .unexpectedResponse(status: 400, summary: feed.errors.first?.message ?? "bad request"))
            case .feed(let feed):
                if feed.papers.isEmpty, (feed.totalResults ?? 0) > start, emptyRetries > 0 {
                    emptyRetries -= 1
                    attempt -= 1
                    continue
                }
                return .success(feed)
            case .unexpected(let summary):
                return .failure(.unexpectedResponse(status: response.status, summary: summary))
            }
        }
    }

    /// The wait a throttled or unavailable answer asks for; the pacer holds every later arXiv
    /// request of the run back by it, not only this batch's retry.
    private func retryAfter(_ response: HTTPResponse) -> Duration? {
        guard response.status == 429 || response.status == 503,
            let value = response.headers["Retry-After"],
            let seconds = RetryAfter.seconds(from: value, now: configuration.clock.date)
        else { return nil }
        return .clamped(seconds: configuration.retry.clampedRetryAfter(seconds))
    }

    private func makeRequest(_ ids: [ArxivID]) -> HTTPRequest {
        let query = URLQuery.encode([
            ("id_list", ids.map(\.base).joined(separator: ",")),
            ("max_results", String(ids.count)),
        ])
        return HTTPRequest(
            method: .get,
            url: "\(configuration.endpoint)?\(query)",
            headers: ["User-Agent": configuration.userAgent, "Accept": "application/atom+xml"],
            connectTimeout: 15,
            totalTimeout: 90
        )
    }
}
