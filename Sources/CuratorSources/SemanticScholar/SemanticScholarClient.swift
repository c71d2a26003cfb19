import CuratorCore
import CuratorHTTP
import Foundation

/// Fetches citation counts through `POST /paper/batch`.
///
/// The batch endpoint takes up to 500 ids and answers an array of the same length and order, with
/// `null` for ids it does not know, so answers are matched by position. Ids are sent as
/// `ARXIV:<id>` without a version: a versioned arXiv id is not found. Throttling is a 429 with no
/// `Retry-After` (and sometimes arrives under the limit), so it is retried with backoff.
public struct SemanticScholarClient: Sendable {
    public struct Configuration: Sendable {
        /// `SEMANTIC_SCHOLAR_API_URL`: the Graph API base, ending in `/graph/v1`.
        public var baseURL: String
        public var apiKey: SemanticScholarAPIKey?
        public var batchSize: Int
        /// The API allows one request a second with a key.
        public var spacing: Duration
        public var retry: BackoffPolicy
        public var userAgent: String
        public var sleeper: Sleeper

        public static let defaultBaseURL = "https://api.semanticscholar.org/graph/v1"
        static let fields = "externalIds,citationCount,influentialCitationCount,venue,year"

        public init(
            baseURL: String = Configuration.defaultBaseURL, apiKey: SemanticScholarAPIKey? = nil, batchSize: Int = 500,
            spacing: Duration = .milliseconds(1100),
            retry: BackoffPolicy = BackoffPolicy(maxAttempts: 5, initialDelay: .seconds(2), maximumDelay: .seconds(30)),
            userAgent: String = CuratorIdentity.userAgent, sleeper: @escaping Sleeper = taskSleeper
        ) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.apiKey = apiKey
            self.batchSize = min(max(1, batchSize), 500)
            self.spacing = spacing
            self.retry = retry
            self.userAgent = userAgent
            self.sleeper = sleeper
        }
    }

    private let http: any HTTPClient
    private let configuration: Configuration
    private let pacer: RequestPacer

    public init(http: any HTTPClient, configuration: Configuration = Configuration()) {
        self.http = http
        self.configuration = configuration
        self.pacer = RequestPacer(spacing: configuration.spacing)
    }

    public func citations(for ids: [ArxivID]) async -> FetchOutcome<ArxivID, CitationLookup> {
        var seen = Set<ArxivID>()
        let unique = ids.map(\.unversioned).filter { seen.insert($0).inserted }
        let batches = unique.chunked(into: configuration.batchSize)
        var outcome = FetchOutcome<ArxivID, CitationLookup>()
        for (index, batch) in batches.enumerated() {
            switch await fetch(batch) {
            case .success(let answers):
                for (id, answer) in zip(batch, answers) {
                    outcome.results[id] = answer.map(CitationLookup.found) ?? .unknown
                }
            case .failure(let stop):
                outcome.unfetched = Array(batches[index...].joined())
                outcome.stop = stop
                return outcome
            }
        }
        return outcome
    }

    private func fetch(_ batch: [ArxivID]) async -> Result<[PaperCitations?], FetchStop> {
        let body = try? JSONSerialization.data(withJSONObject: ["ids": batch.map { "ARXIV:\($0.base)" }])
        var headers: HTTPHeaders = ["User-Agent": configuration.userAgent, "Content-Type": "application/json"]
        if let key = configuration.apiKey { headers.add("x-api-key", key.value) }
        let request = HTTPRequest(
            method: .post, url: "\(configuration.baseURL)/paper/batch?fields=\(Configuration.fields)", headers: headers,
            body: body.map { [UInt8]($0) }, connectTimeout: 10, totalTimeout: 60)
        var attempt = 0
        while true {
            attempt += 1
            if attempt > 1 { try? await configuration.sleeper(configuration.retry.delay(after: attempt - 1)) }
            let response: HTTPResponse
            do {
                response = try await pacer.run { () async throws(HTTPFailure) -> HTTPResponse in
                    try await http.send(request)
                }
            } catch {
                guard error.isTransient, attempt < configuration.retry.maxAttempts else {
                    return .failure(.transport(kind: error.kind.rawValue, attempts: attempt))
                }
                continue
            }
            switch response.status {
            case 200:
                guard let answers = try? JSONDecoder().decode([PaperCitations?].self, from: Data(response.body)),
                    answers.count == batch.count
                else {
                    return .failure(
                        .unexpectedResponse(status: 200, summary: "batch answer does not match the request"))
                }
                return .success(answers)
            case 429, 500...599:
                guard attempt < configuration.retry.maxAttempts else {
                    return .failure(.serviceUnavailable(status: response.status, attempts: attempt))
                }
            default:
                let text = response.text.prefix(200)
                return .failure(.unexpectedResponse(status: response.status, summary: String(text)))
            }
        }
    }
}
