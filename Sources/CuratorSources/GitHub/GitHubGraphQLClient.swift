import CuratorCore
import CuratorHTTP
import Foundation

/// Looks repositories up in batches of up to 100 aliased fields per GraphQL query (needs a token).
///
/// GraphQL reports most trouble inside an HTTP 200: a repository that does not exist is its alias
/// set to `null` plus a `NOT_FOUND` error whose `path` names the alias, and a spent budget is an
/// error of type `RATE_LIMITED` or `RATE_LIMIT`. Each alias is mapped back to the name that was
/// requested, because a renamed repository answers with its new `nameWithOwner`.
public struct GitHubGraphQLClient: Sendable {
    private let requester: GitHubRequester
    private let configuration: GitHubConfiguration
    public let batchSize: Int

    public init(http: any HTTPClient, configuration: GitHubConfiguration, batchSize: Int = 100) {
        self.configuration = configuration
        self.requester = GitHubRequester(http: http, configuration: configuration)
        self.batchSize = min(max(1, batchSize), 100)
    }

    public func lookup(_ names: [RepositoryName]) async -> FetchOutcome<RepositoryName, RepositoryLookup> {
        var outcome = FetchOutcome<RepositoryName, RepositoryLookup>()
        var waits = 0
        var seen = Set<RepositoryName>()
        let batches = names.filter { seen.insert($0).inserted }.chunked(into: batchSize)
        for (index, batch) in batches.enumerated() {
            switch await lookupBatch(batch, waits: &waits) {
            case .success(let results):
                outcome.results.merge(results) { _, new in new }
            case .failure(let stop):
                outcome.unfetched = Array(batches[index...].joined())
                outcome.stop = stop
                return outcome
            }
        }
        return outcome
    }

    private func lookupBatch(_ batch: [RepositoryName], waits: inout Int) async -> Result<
        [RepositoryName: RepositoryLookup], FetchStop
    > {
        let body = try? JSONSerialization.data(withJSONObject: ["query": GitHubGraphQLQuery.text(for: batch)])
        var headers = HTTPHeaders(configuration.headers().map { HTTPHeader($0.0, $0.1) })
        headers.add("Content-Type", "application/json")
        let request = HTTPRequest(
            method: .post, url: configuration.graphQLURL, headers: headers, body: body.map { [UInt8]($0) },
            followRedirects: false, connectTimeout: 10, totalTimeout: 60, maxBodyBytes: 4 << 20)
        var anomalies = 0
        while true {
            let sent = await requester.send(request, waits: &waits, limit: Self.limit)
            guard case .success(let response) = sent else { return sent.map { _ in [:] } }
            guard response.status == 200, let decoded = GitHubGraphQLResponse.decode(response.body) else {
                let message = GitHubGraphQLResponse.decode(response.body)?.message ?? "unreadable GraphQL answer"
                return .failure(.unexpectedResponse(status: response.status, summary: message))
            }
            var results: [RepositoryName: RepositoryLookup] = [:]
            var absent = false
            for (index, name) in batch.enumerated() {
                let alias = GitHubGraphQLQuery.alias(index)
                let error = decoded.errors.first { $0.path?.first == alias }
                switch decoded.nodes[alias] {
                case .some(.some(let node)):
                    guard let info = node.info else {
                        return .failure(.unexpectedResponse(status: 200, summary: "bad nameWithOwner"))
                    }
                    results[name] = info.nameWithOwner == name ? .found(info) : .renamed(from: name, to: info)
                case .some(.none) where error?.type == "NOT_FOUND":
                    results[name] = .missing
                case .some(.none) where error?.type == "FORBIDDEN":
                    results[name] = .blocked(reason: "forbidden")
                default:
                    absent = true
                }
            }
            if !absent { return .success(results) }
            // GraphQL has been seen answering `{"data":{}}` with no errors; ask once more, then give up.
            anomalies += 1
            if anomalies > 1 {
                return .failure(.unexpectedResponse(status: 200, summary: "aliases missing from the answer"))
            }
        }
    }

    /// GraphQL's primary limit arrives as HTTP 200 with a rate-limit error; the REST-style 403/429
    /// shapes apply to its secondary limit.
    private static func limit(_ response: HTTPResponse) -> GitHubLimit? {
        let decoded = GitHubGraphQLResponse.decode(response.body)
        if response.status == 200, let decoded, decoded.errors.contains(where: \.isRateLimit) {
            return .primary(resetAt: GitHubLimit.resetDate(response))
        }
        let message = decoded?.message ?? decoded?.errors.first?.message
        return GitHubLimit.classify(response, message: message)
    }
}
