import CuratorHTTP
import Foundation

/// An in-process stand-in for Semantic Scholar's `POST /graph/v1/paper/batch`, following
/// api-samples/BEHAVIOURS.md §4: same-length answers with `null` for unknown ids, only the
/// requested fields plus `paperId`, 400 for more than 500 ids or an unknown field, 403 for a wrong
/// key, and 429 with the "Too Many Requests" body when requests come faster than `spacing`.
public actor SemanticScholarDouble {
    public struct Paper: Sendable {
        public var paperId: String
        public var arxivID: String
        public var doi: String?
        public var corpusId: Int
        public var title: String
        public var venue: String
        public var year: Int?
        public var citationCount: Int
        public var influentialCitationCount: Int

        public init(
            paperId: String, arxivID: String, doi: String? = nil, corpusId: Int, title: String, venue: String = "",
            year: Int? = nil, citationCount: Int, influentialCitationCount: Int = 0
        ) {
            self.paperId = paperId
            self.arxivID = arxivID
            self.doi = doi
            self.corpusId = corpusId
            self.title = title
            self.venue = venue
            self.year = year
            self.citationCount = citationCount
            self.influentialCitationCount = influentialCitationCount
        }
    }

    public enum Fault: Sendable { case tooManyRequests, serverError(Int) }

    static let knownFields: Set<String> = [
        "paperId", "externalIds", "corpusId", "title", "venue", "year", "citationCount", "influentialCitationCount",
        "url", "authors",
    ]

    private var papers: [Paper]
    private let apiKey: String?
    public var spacing: Duration
    private var lastArrival: ContinuousClock.Instant?
    private var faults: [Fault] = []
    private var server: DoubleServer?

    public nonisolated let clock: any NetworkClock

    public init(
        papers: [Paper], apiKey: String? = nil, spacing: Duration = .zero, clock: any NetworkClock = SystemClock()
    ) {
        self.clock = clock
        self.papers = papers
        self.apiKey = apiKey
        self.spacing = spacing
    }

    public func start() async throws {
        server = try await DoubleServer.start(clock: clock) { [self] request in await self.answer(request) }
    }

    public func stop() async { await server?.stop() }
    public var baseURL: String { "\(server?.baseURL ?? "http://127.0.0.1:0")/graph/v1" }
    public func requests() async -> [RecordedRequest] { await server?.requests() ?? [] }
    public func enqueue(_ faults: Fault...) { self.faults.append(contentsOf: faults) }

    private func answer(_ request: RecordedRequest) -> DoubleResponse {
        let headers = [
            ("Content-Type", "application/json"), ("Via", "1.1 0123456789abcdef.cloudfront.net (CloudFront)"),
            ("X-Amz-Cf-Id", "double-\(UUID().uuidString)"), ("x-amzn-RequestId", UUID().uuidString.lowercased()),
        ]
        let tooMany = DoubleResponse(
            status: 429, headers: headers,
            text:
                #"{"message": "Too Many Requests. Please wait and try again or apply for a key for higher rate limits. https://www.semanticscholar.org/product/api#api-key-form", "code": "429"}"#
        )
        if let apiKey, let sent = request.header("x-api-key"), sent != apiKey {
            return DoubleResponse(status: 403, headers: headers, text: #"{"message":"Forbidden"}"#)
        }
        let now = request.arrivalInstant
        defer { lastArrival = now }
        if let lastArrival, now - lastArrival < spacing { return tooMany }
        if !faults.isEmpty {
            switch faults.removeFirst() {
            case .tooManyRequests: return tooMany
            case .serverError(let status):
                return DoubleResponse(status: status, headers: headers, text: #"{"message": "Internal server error"}"#)
            }
        }
        guard request.method == "POST", request.path == "/graph/v1/paper/batch" else {
            return DoubleResponse(status: 404, headers: headers, text: #"{"error":"Not found"}"#)
        }
        let fields = (request.queryValue("fields") ?? "paperId").split(separator: ",").map(String.init)
        let unknown = fields.filter { !Self.knownFields.contains($0) }
        guard unknown.isEmpty else {
            return DoubleResponse(
                status: 400, headers: headers,
                text: #"{"error":"Unrecognized or unsupported fields: [\#(unknown.joined(separator: ", "))]"}"#)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let ids = object["ids"] as? [String]
        else {
            return DoubleResponse(status: 400, headers: headers, text: #"{"error":"Unacceptable JSON body"}"#)
        }
        guard ids.count <= 500 else {
            return DoubleResponse(
                status: 400, headers: headers,
                text: #"{"error":"Cannot process more than 500 ids in a single request"}"#)
        }
        let answers: [Any] = ids.map { id -> Any in
            guard let paper = resolve(id) else { return NSNull() }
            return render(paper, fields: fields)
        }
        let body = (try? JSONSerialization.data(withJSONObject: answers)) ?? Data()
        return DoubleResponse(status: 200, headers: headers, body: [UInt8](body))
    }

    /// `ARXIV:` ids resolve only without a version, as on the real service.
    private func resolve(_ id: String) -> Paper? {
        let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return papers.first { $0.paperId == id } }
        switch parts[0].uppercased() {
        case "ARXIV": return papers.first { $0.arxivID == parts[1] }
        case "DOI": return papers.first { $0.doi?.lowercased() == parts[1].lowercased() }
        case "CORPUSID": return papers.first { String($0.corpusId) == parts[1] }
        default: return nil
        }
    }

    private func render(_ paper: Paper, fields: [String]) -> [String: Any] {
        var object: [String: Any] = ["paperId": paper.paperId]
        for field in fields {
            switch field {
            case "externalIds":
                var ids: [String: Any] = ["ArXiv": paper.arxivID, "CorpusId": paper.corpusId]
                if let doi = paper.doi { ids["DOI"] = doi }
                object[field] = ids
            case "corpusId": object[field] = paper.corpusId
            case "title": object[field] = paper.title
            case "venue": object[field] = paper.venue
            case "year": object[field] = paper.year as Any? ?? NSNull()
            case "citationCount": object[field] = paper.citationCount
            case "influentialCitationCount": object[field] = paper.influentialCitationCount
            case "url": object[field] = "https://www.semanticscholar.org/paper/\(paper.paperId)"
            case "authors": object[field] = [[String: Any]]()
            default: break
            }
        }
        return object
    }
}
