import CuratorHTTP
import Foundation

/// An in-process stand-in for `export.arxiv.org/api/query` that answers `id_list` queries, and
/// `search_query` queries by category and submission date, the way the real API does (see
/// api-samples/BEHAVIOURS.md §1).
///
/// It enforces arXiv's politeness rule: a request that arrives less than `spacing` after the
/// previous one gets `429` with the plain-text body `Rate exceeded.` and no rate-limit headers.
/// On a `TestClock` time moves only when the client waits, so two requests that the client did
/// not space arrive at the same instant and are always caught. Faults queued with `enqueue(_:)` replace the next
/// answers one for one, before any other check.
public actor ArxivDouble {
    public enum Format: Sendable { case current, legacy }

    public enum Fault: Sendable {
        /// `429 Rate exceeded.` regardless of pacing.
        case rateExceeded
        /// `200` with the body `Rate exceeded.`, a variant users have reported.
        case rateExceededWithStatus200
        case serviceUnavailable
        /// A valid feed with no entries, which the API sometimes sends for a query that has results.
        case emptyFeed
    }

    public var format: Format = .current
    /// Minimum gap the double demands between request arrivals, on `clock`.
    public var spacing: Duration
    /// What arrivals are timed with: a test's `TestClock`, shared with the client under test, or
    /// the system clock when the client is another process.
    public nonisolated let clock: any NetworkClock
    /// Requests that broke the pacing rule and were answered 429.
    public private(set) var pacingViolations = 0

    private var papers: [String: ArxivDoublePaper] = [:]
    private var faults: [Fault] = []
    private var lastArrival: ContinuousClock.Instant?
    private var server: DoubleServer?

    public init(papers: [ArxivDoublePaper], spacing: Duration = .seconds(3), clock: any NetworkClock = SystemClock()) {
        self.spacing = spacing
        self.clock = clock
        for paper in papers { self.papers[paper.id] = paper }
    }

    /// Starts listening on 127.0.0.1 with an ephemeral port.
    public func start() async throws {
        server = try await DoubleServer.start(clock: clock) { [self] request in await self.answer(request) }
    }

    public func stop() async {
        await server?.stop()
    }

    /// The query endpoint, for `ARXIV_API_URL`.
    public var endpoint: String { "\(server?.baseURL ?? "http://127.0.0.1:0")/api/query" }

    public func requests() async -> [RecordedRequest] { await server?.requests() ?? [] }

    public func setFormat(_ format: Format) { self.format = format }

    public func enqueue(_ faults: Fault...) { self.faults.append(contentsOf: faults) }

    private func answer(_ request: RecordedRequest) async -> DoubleResponse {
        let now = request.arrivalInstant
        let tooSoon = lastArrival.map { now - $0 < spacing } ?? false
        lastArrival = now
        if tooSoon {
            pacingViolations += 1
            return DoubleResponse(status: 429, headers: [("Content-Type", "text/plain")], text: "Rate exceeded.")
        }
        if !faults.isEmpty {
            return respond(to: faults.removeFirst())
        }
        guard request.path == "/api/query" else {
            return DoubleResponse(status: 404, text: "Not Found")
        }
        var parameters = request.query
        if request.method == "POST" {
            parameters += Self.formPairs(request.bodyText)
        } else if request.method != "GET" {
            return DoubleResponse(status: 405, text: "Method Not Allowed")
        }
        if request.path.count + request.query.reduce(0, { $0 + $1.name.count + $1.value.count + 2 }) > 8192 {
            return DoubleResponse(status: 414, text: "Request-URI Too Long")
        }
        return answerQuery(parameters)
    }

    private func answerQuery(_ parameters: [RecordedRequest.QueryPair]) -> DoubleResponse {
        let value = { (name: String) in parameters.first { $0.name == name }?.value }
        let idList = value("id_list") ?? ""
        for (name, fallback) in [("start", 0), ("max_results", 10)] {
            let raw = value(name) ?? String(fallback)
            guard let number = Int(raw), number >= 0, name != "max_results" || number <= 30000 else {
                return errorFeed(for: raw)
            }
        }
        let start = Int(value("start") ?? "0") ?? 0
        // The API applies its default page size of 10 to id_list queries too.
        let maxResults = Int(value("max_results") ?? "10") ?? 10
        if let searchQuery = value("search_query"), !searchQuery.isEmpty, idList.isEmpty {
            return answerSearch(searchQuery, start: start, maxResults: maxResults)
        }
        let ids = idList.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var found: [ArxivAtomWriter.Entry] = []
        for id in ids {
            guard let (base, version) = Self.parse(id) else { return errorFeed(for: id) }
            guard let paper = papers[base] else { continue }
            let chosen = version ?? paper.latestVersion
            guard chosen >= 1, chosen <= paper.latestVersion else { continue }
            found.append(.init(paper: paper, version: chosen))
        }
        // The real API does not keep the request order; reversing makes that visible to clients.
        found.reverse()
        let page = Array(found.dropFirst(start).prefix(maxResults))
        let feedID = String(UInt64(bitPattern: Int64(idList.hashValue)), radix: 36)
        let body: String
        switch format {
        case .current:
            body = ArxivAtomWriter.current(
                idList: idList, maxResults: maxResults, entries: page, total: found.count, feedID: feedID,
                now: Self.now())
        case .legacy:
            body = ArxivAtomWriter.legacy(
                idList: idList, maxResults: maxResults, entries: page, total: found.count, feedID: feedID)
        }
        return DoubleResponse(status: 200, headers: [("Content-Type", "application/atom+xml")], text: body)
    }

    /// A `search_query` of `cat:` terms (any of them) and a `submittedDate:[FROM TO]` range, as
    /// `discover` asks it; the results are the papers of those categories published in the range,
    /// newest first, which is what `sortBy=submittedDate&sortOrder=descending` returns.
    private func answerSearch(_ query: String, start: Int, maxResults: Int) -> DoubleResponse {
        let categories = Set(query.matches(of: /cat:([A-Za-z0-9.\-]+)/).map { String($0.1) })
        let range = query.firstMatch(of: /submittedDate:\[(\d{12}) TO (\d{12})\]/).map { (String($0.1), String($0.2)) }
        let matching = papers.values.filter { paper in
            let submitted = paper.published.filter(\.isNumber).prefix(12)
            let inRange = range.map { submitted >= $0.0 && submitted <= $0.1 } ?? true
            return inRange && (categories.isEmpty || !categories.isDisjoint(with: paper.categories))
        }.sorted { ($0.published, $0.id) > ($1.published, $1.id) }
        let page = matching.dropFirst(start).prefix(maxResults).map {
            ArxivAtomWriter.Entry(paper: $0, version: $0.latestVersion)
        }
        let body = ArxivAtomWriter.current(
            idList: "", maxResults: maxResults, entries: Array(page), total: matching.count,
            feedID: String(UInt64(bitPattern: Int64(query.hashValue)), radix: 36), now: Self.now(),
            searchQuery: query, start: start)
        return DoubleResponse(status: 200, headers: [("Content-Type", "application/atom+xml")], text: body)
    }

    private func respond(to fault: Fault) -> DoubleResponse {
        switch fault {
        case .rateExceeded:
            DoubleResponse(status: 429, headers: [("Content-Type", "text/plain")], text: "Rate exceeded.")
        case .rateExceededWithStatus200:
            DoubleResponse(status: 200, headers: [("Content-Type", "text/plain")], text: "Rate exceeded.")
        case .serviceUnavailable:
            DoubleResponse(
                status: 503, headers: [("Content-Type", "text/html")],
                text: "<html><body>Service Unavailable</body></html>")
        case .emptyFeed:
            DoubleResponse(
                status: 200, headers: [("Content-Type", "application/atom+xml")],
                text: ArxivAtomWriter.current(
                    idList: "", maxResults: 10, entries: [], total: 0, feedID: "empty", now: Self.now()))
        }
    }

    private func errorFeed(for id: String) -> DoubleResponse {
        DoubleResponse(
            status: 400, headers: [("Content-Type", "application/atom+xml")],
            text: ArxivAtomWriter.error(for: id, now: Self.now()))
    }

    /// Splits an id into base and version, or returns nil where the API answers `incorrect id format`.
    static func parse(_ id: String) -> (String, Int?)? {
        let newStyle = /^(\d{2}(\d{2})\.\d{4,5})(?:v(\d+))?$/
        let oldStyle = /^([a-z][a-z\-]*(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/
        if let match = id.wholeMatch(of: newStyle) {
            guard let month = Int(match.2), month <= 12 else { return nil }
            return (String(match.1), match.3.flatMap { Int($0) })
        }
        if let match = id.wholeMatch(of: oldStyle) {
            return (String(match.1), match.2.flatMap { Int($0) })
        }
        return nil
    }

    private static func formPairs(_ body: String) -> [RecordedRequest.QueryPair] {
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        return (components.queryItems ?? []).map { .init(name: $0.name, value: $0.value ?? "") }
    }

    private static func now() -> String {
        Date().formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(
                .colon)) + "Z"
    }
}
