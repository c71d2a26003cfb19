import CuratorCore
import CuratorHTTP
import Foundation

/// Looks repositories up one at a time through `GET /repos/{owner}/{repo}`, for runs without a token.
///
/// Unauthenticated clients get 60 requests an hour, so every lookup with a known ETag is
/// conditional: a `304 Not Modified` costs nothing against an authenticated budget and means the
/// stored record still holds. Redirects are followed here rather than by the HTTP engine because a
/// `301` is itself the news: the repository was renamed or transferred, and `Location` points to
/// `/repositories/{id}`, whose answer carries the new `full_name`.
public struct GitHubRESTClient: Sendable {
    private let requester: GitHubRequester
    private let configuration: GitHubConfiguration

    public init(http: any HTTPClient, configuration: GitHubConfiguration) {
        self.configuration = configuration
        self.requester = GitHubRequester(http: http, configuration: configuration)
    }

    /// Looks up each repository in order; `etags` holds validators from an earlier run.
    public func lookup(
        _ names: [RepositoryName], etags: [RepositoryName: String] = [:]
    ) async -> FetchOutcome<RepositoryName, RepositoryLookup> {
        var outcome = FetchOutcome<RepositoryName, RepositoryLookup>()
        var waits = 0
        var seen = Set<RepositoryName>()
        let unique = names.filter { seen.insert($0).inserted }
        for (index, name) in unique.enumerated() {
            switch await lookupOne(name, etag: etags[name], waits: &waits) {
            case .success(let result):
                outcome.results[name] = result
            case .failure(let stop):
                outcome.unfetched = Array(unique[index...])
                outcome.stop = stop
                return outcome
            }
        }
        return outcome
    }

    private func lookupOne(_ name: RepositoryName, etag: String?, waits: inout Int) async -> Result<
        RepositoryLookup, FetchStop
    > {
        var request = makeRequest("\(configuration.apiURL)/repos/\(name.owner)/\(name.name)")
        if let etag { request.headers.add("If-None-Match", etag) }
        let first = await requester.send(request, waits: &waits, limit: Self.limit)
        guard case .success(let response) = first else { return first.map { _ in .missing } }
        if response.status == 301 || response.status == 302 || response.status == 307 {
            guard let location = response.headers["Location"] else {
                return .failure(.unexpectedResponse(status: response.status, summary: "redirect without Location"))
            }
            let second = await requester.send(makeRequest(location), waits: &waits, limit: Self.limit)
            guard case .success(let moved) = second else { return second.map { _ in .missing } }
            return interpret(moved, requested: name).map { lookup in
                if case .found(let info) = lookup { return .renamed(from: name, to: info) }
                return lookup
            }
        }
        return interpret(response, requested: name)
    }

    private func interpret(_ response: HTTPResponse, requested: RepositoryName) -> Result<RepositoryLookup, FetchStop> {
        switch response.status {
        case 200:
            guard let repository = try? JSONDecoder().decode(GitHubRESTRepository.self, from: Data(response.body)),
                let info = repository.info(etag: response.headers["ETag"])
            else {
                return .failure(.unexpectedResponse(status: 200, summary: "unreadable repository JSON"))
            }
            // Names match case-insensitively; a different name means GitHub resolved a rename itself.
            return .success(info.nameWithOwner == requested ? .found(info) : .renamed(from: requested, to: info))
        case 304:
            return .success(.notModified)
        case 404, 410:
            return .success(.missing)
        case 403, 451:
            if let reason = GitHubErrorBody.decode(response.body)?.block?.reason {
                return .success(.blocked(reason: reason))
            }
            if response.status == 451 { return .success(.blocked(reason: "unavailable for legal reasons")) }
            return .failure(
                .unexpectedResponse(status: 403, summary: GitHubErrorBody.decode(response.body)?.message ?? "forbidden")
            )
        default:
            let message = GitHubErrorBody.decode(response.body)?.message ?? "no message"
            return .failure(.unexpectedResponse(status: response.status, summary: message))
        }
    }

    private func makeRequest(_ url: String) -> HTTPRequest {
        HTTPRequest(
            method: .get, url: url, headers: HTTPHeaders(configuration.headers().map { HTTPHeader($0.0, $0.1) }),
            followRedirects: false, connectTimeout: 10, totalTimeout: 30, maxBodyBytes: 1 << 20)
    }

    private static func limit(_ response: HTTPResponse) -> GitHubLimit? {
        GitHubLimit.classify(response, message: GitHubErrorBody.decode(response.body)?.message)
    }
}
