import CuratorHTTP
import Foundation

/// An in-process stand-in for GitHub's REST (`/repos/{owner}/{repo}`, `/repositories/{id}`,
/// `/rate_limit`) and GraphQL (`/graphql`) APIs, following api-samples/BEHAVIOURS.md §2 and §3.
///
/// Budgets are counted per `Authorization` value; `resetAt` is when they would refill. Faults queued
/// with `enqueue(_:)` replace the next answers one for one, after the User-Agent check.
public actor GitHubDouble {
    public enum Fault: Sendable {
        case secondaryLimit(status: Int, retryAfter: Int?)
        case serverError(status: Int)
        /// GraphQL's anomaly: `{"data":{}}` with no errors.
        case emptyData
    }

    public enum GraphQLLimitStyle: Sendable { case rateLimited, rateLimit }

    public var restLimit: Int
    public var graphQLLimit: Int
    public var resetAt: Date
    /// REST exhaustion answers 403 by default; set 429 to reproduce the other variant.
    public var restExhaustedStatus = 403
    public var graphQLLimitStyle: GraphQLLimitStyle = .rateLimited
    /// Whether an unauthenticated 304 still spends budget, as has been observed.
    public var conditionalSpendsWhenAnonymous = false

    private var repositories: [Int: GitHubDoubleRepository] = [:]
    private var renamed: [String: Int] = [:]
    private var blocked: [String: (status: Int, reason: String)] = [:]
    private var used: [String: Int] = [:]
    private var faults: [Fault] = []
    private var server: DoubleServer?

    /// What the rate-limit resets are reckoned on; the client under test reads the same clock.
    public nonisolated let clock: any NetworkClock

    public init(
        repositories: [GitHubDoubleRepository], restLimit: Int = 60, graphQLLimit: Int = 5000,
        resetIn: TimeInterval = 3600, clock: any NetworkClock = SystemClock()
    ) {
        self.clock = clock
        for repository in repositories { self.repositories[repository.id] = repository }
        self.restLimit = restLimit
        self.graphQLLimit = graphQLLimit
        self.resetAt = clock.date.addingTimeInterval(resetIn)
    }

    public func start() async throws {
        server = try await DoubleServer.start(clock: clock) { [self] request in await self.answer(request) }
    }

    public func stop() async { await server?.stop() }

    public var apiURL: String { server?.baseURL ?? "http://127.0.0.1:0" }
    public var graphQLURL: String { "\(apiURL)/graphql" }
    public func requests() async -> [RecordedRequest] { await server?.requests() ?? [] }

    /// Makes `oldName` answer 301 to the repository with `id`, as after a rename or transfer.
    public func rename(_ oldName: String, to id: Int) { renamed[oldName.lowercased()] = id }
    /// Blocks a name: 451 with reason `dmca`, or 403 with reason `tos`.
    public func block(_ name: String, status: Int, reason: String) { blocked[name.lowercased()] = (status, reason) }
    public func setStars(_ stars: Int, id: Int) { repositories[id]?.stars = stars }
    public func enqueue(_ faults: Fault...) { self.faults.append(contentsOf: faults) }
    public func setLimits(rest: Int? = nil, graphQL: Int? = nil, resetIn: TimeInterval? = nil) {
        if let rest { restLimit = rest }
        if let graphQL { graphQLLimit = graphQL }
        if let resetIn { resetAt = clock.date.addingTimeInterval(resetIn) }
    }
    public func setGraphQLLimitStyle(_ style: GraphQLLimitStyle) { graphQLLimitStyle = style }
    public func setRESTExhaustedStatus(_ status: Int) { restExhaustedStatus = status }

    private func answer(_ request: RecordedRequest) async -> DoubleResponse {
        if clock.date >= resetAt {
            // The hour is over: every budget refills, and the next window starts, as on GitHub.
            used = [:]
            resetAt = clock.date.addingTimeInterval(3600)
        }
        guard request.header("User-Agent").map({ !$0.isEmpty }) == true else {
            return DoubleResponse(
                status: 403, headers: [("Content-Type", "text/html")],
                text:
                    "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.\n"
            )
        }
        let version = request.header("X-GitHub-Api-Version") ?? "2022-11-28"
        guard ["2022-11-28", "2026-03-10"].contains(version) else {
            return json(
                400,
                [
                    "message": "Invalid API version: \(version)",
                    "documentation_url": "https://docs.github.com/rest/overview/api-versions",
                ])
        }
        if !faults.isEmpty { return respond(to: faults.removeFirst(), graphQL: request.path == "/graphql") }
        if request.path == "/graphql" { return await answerGraphQL(request) }
        return answerREST(request, version: version)
    }

    private func respond(to fault: Fault, graphQL: Bool) -> DoubleResponse {
        switch fault {
        case .secondaryLimit(let status, let retryAfter):
            var headers = [("Content-Type", "application/json; charset=utf-8")]
            if let retryAfter { headers.append(("retry-after", String(retryAfter))) }
            return json(
                status,
                [
                    "message":
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    "documentation_url":
                        "https://docs.github.com/free-pro-team@latest/rest/overview/resources-in-the-rest-api#secondary-rate-limits",
                ],
                extra: headers)
        case .serverError(let status):
            return DoubleResponse(
                status: status, headers: [("Content-Type", "text/html")], text: "<html><body>Server Error</body></html>"
            )
        case .emptyData:
            return json(200, ["data": [String: Any]()], extra: graphQLHeaders(key: "none"))
        }
    }

    // MARK: REST

    private func answerREST(_ request: RecordedRequest, version: String) -> DoubleResponse {
        let key = request.header("Authorization") ?? "anonymous"
        let limit = key == "anonymous" ? restLimit : max(restLimit, 5000)
        let parts = request.path.split(separator: "/").map(String.init)
        if parts == ["rate_limit"] {
            return json(
                200,
                [
                    "resources": [
                        "core": [
                            "limit": limit, "remaining": remaining(key, limit), "reset": resetEpoch,
                            "used": used[key, default: 0],
                        ]
                    ]
                ],
                extra: rateHeaders(key: key, limit: limit, resource: "core"))
        }
        if remaining(key, limit) == 0 {
            return json(
                restExhaustedStatus,
                [
                    "message":
                        "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
                    "documentation_url":
                        "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
                ],
                extra: rateHeaders(key: key, limit: limit, resource: "core"))
        }
        let repository: GitHubDoubleRepository?
        if parts.count == 3, parts[0] == "repos" {
            let name = "\(parts[1])/\(parts[2])".lowercased()
            if let block = blocked[name] {
                spend(key)
                return json(
                    block.status,
                    [
                        "message": "Repository access blocked",
                        "block": [
                            "reason": block.reason, "created_at": "2021-04-22T17:53:56Z",
                            "html_url": "https://github.com/github/dmca/blob/master/2021/04/2021-04-20-example.md",
                        ],
                    ],
                    extra: rateHeaders(key: key, limit: limit, resource: "core"))
            }
            if let id = renamed[name] {
                spend(key)
                let location = "\(apiURL)/repositories/\(id)"
                return json(
                    301,
                    [
                        "message": "Moved Permanently", "url": location,
                        "documentation_url": "https://docs.github.com/v3/#http-redirects",
                    ],
                    extra: [("Location", location), ("x-github-api-version-selected", version)]
                        + rateHeaders(key: key, limit: limit, resource: "core"))
            }
            repository = repositories.values.first { $0.fullName.lowercased() == name }
        } else if parts.count == 2, parts[0] == "repositories", let id = Int(parts[1]) {
            repository = repositories[id]
        } else {
            return json(
                404, ["message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"])
        }
        guard let repository else {
            spend(key)
            return json(
                404,
                [
                    "message": "Not Found",
                    "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404",
                ],
                extra: rateHeaders(key: key, limit: limit, resource: "core"))
        }
        let etag = Self.etag(for: repository, authorization: key)
        if request.header("If-None-Match") == etag {
            // GitHub does not charge an authenticated conditional hit; anonymous ones have been seen charged.
            if key != "anonymous" || conditionalSpendsWhenAnonymous { spend(key) }
            return DoubleResponse(
                status: 304,
                headers: [
                    ("ETag", etag), ("Cache-Control", "private, max-age=60, s-maxage=60"),
                    ("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With"),
                ]
                    + rateHeaders(key: key, limit: limit, resource: "core"))
        }
        spend(key)
        return json(
            200, restObject(repository),
            extra: [
                ("Cache-Control", "private, max-age=60, s-maxage=60"),
                ("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With"),
                ("ETag", etag), ("Last-Modified", "Sat, 20 Jan 2024 06:37:31 GMT"),
                ("X-GitHub-Media-Type", "github.v3; format=json"), ("x-github-api-version-selected", version),
            ] + rateHeaders(key: key, limit: limit, resource: "core"))
    }

    private func restObject(_ repository: GitHubDoubleRepository) -> [String: Any] {
        let parts = repository.fullName.split(separator: "/").map(String.init)
        return [
            "id": repository.id, "name": parts[1], "full_name": repository.fullName, "private": false,
            "owner": ["login": parts[0], "type": "Organization"],
            "html_url": "https://github.com/\(repository.fullName)",
            "description": repository.description as Any? ?? NSNull(),
            "url": "https://api.github.com/repos/\(repository.fullName)",
            "pushed_at": repository.pushedAt, "stargazers_count": repository.stars, "watchers_count": repository.stars,
            "archived": repository.archived, "disabled": repository.disabled,
            "license": repository.licenseSPDX.map {
                [
                    "key": $0.lowercased(), "name": $0, "spdx_id": $0,
                    "url": "https://api.github.com/licenses/\($0.lowercased())", "node_id": "MDc6TGljZW5zZTEz",
                ] as [String: Any]
            } as Any? ?? NSNull(),
            "default_branch": "main", "visibility": "public",
        ]
    }

    // MARK: GraphQL

    private func answerGraphQL(_ request: RecordedRequest) async -> DoubleResponse {
        guard request.method == "POST" else { return json(404, ["message": "Not Found"]) }
        guard let key = request.header("Authorization") else {
            return json(
                401,
                [
                    "message": "This endpoint requires you to be authenticated.",
                    "documentation_url":
                        "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
                ])
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let query = object["query"] as? String
        else {
            return json(200, ["errors": [["message": "Problems parsing JSON"]]], extra: graphQLHeaders(key: key))
        }
        if remaining("graphql:" + key, graphQLLimit) == 0 {
            let error: [String: Any] =
                switch graphQLLimitStyle {
                case .rateLimited: ["type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."]
                case .rateLimit:
                    [
                        "type": "RATE_LIMIT", "code": "graphql_rate_limit",
                        "message": "API rate limit already exceeded for user ID 1.",
                    ]
                }
            return json(200, ["errors": [error]], extra: graphQLHeaders(key: key))
        }
        spend("graphql:" + key)
        var data: [String: Any] = [:]
        var errors: [[String: Any]] = []
        for selection in GraphQLSelection.parse(query) {
            let name = "\(selection.owner)/\(selection.name)".lowercased()
            let resolved =
                renamed[name].flatMap { repositories[$0] }
                ?? repositories.values.first { $0.fullName.lowercased() == name }
            guard let repository = resolved, blocked[name] == nil else {
                data[selection.alias] = NSNull()
                errors.append([
                    "type": "NOT_FOUND", "path": [selection.alias],
                    "locations": [["line": selection.line, "column": selection.column]],
                    "message":
                        "Could not resolve to a Repository with the name '\(selection.owner)/\(selection.name)'.",
                ])
                continue
            }
            data[selection.alias] = graphQLObject(repository, fields: selection.fields)
        }
        if query.contains("rateLimit") {
            data["rateLimit"] = [
                "cost": 1, "remaining": remaining("graphql:" + key, graphQLLimit),
                "resetAt": ISO8601DateFormatter().string(from: resetAt),
                "limit": graphQLLimit, "used": used["graphql:" + key, default: 0], "nodeCount": max(1, data.count - 1),
            ]
        }
        var body: [String: Any] = ["data": data]
        if !errors.isEmpty { body["errors"] = errors }
        return json(200, body, extra: graphQLHeaders(key: key))
    }

    private func graphQLObject(_ repository: GitHubDoubleRepository, fields: [String]) -> [String: Any] {
        var object: [String: Any] = [:]
        for field in fields {
            switch field {
            case "stargazerCount": object[field] = repository.stars
            case "isArchived": object[field] = repository.archived
            case "isDisabled": object[field] = repository.disabled
            case "nameWithOwner": object[field] = repository.fullName
            case "url": object[field] = "https://github.com/\(repository.fullName)"
            case "pushedAt": object[field] = repository.pushedAt
            case "description": object[field] = repository.description as Any? ?? NSNull()
            default: break
            }
        }
        return object
    }

    // MARK: Budget and headers

    private var resetEpoch: Int { Int(resetAt.timeIntervalSince1970) }

    private func remaining(_ key: String, _ limit: Int) -> Int { max(0, limit - used[key, default: 0]) }

    private func spend(_ key: String) { used[key, default: 0] += 1 }

    private func rateHeaders(key: String, limit: Int, resource: String) -> [(String, String)] {
        [
            ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining(key, limit))),
            ("X-RateLimit-Reset", String(resetEpoch)), ("X-RateLimit-Used", String(used[key, default: 0])),
            ("X-RateLimit-Resource", resource),
        ]
    }

    private func graphQLHeaders(key: String) -> [(String, String)] {
        [("X-GitHub-Media-Type", "github.v4; format=json")]
            + rateHeaders(key: "graphql:" + key, limit: graphQLLimit, resource: "graphql")
    }

    private func json(_ status: Int, _ object: [String: Any], extra: [(String, String)] = []) -> DoubleResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        var headers = extra
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            headers.insert(("Content-Type", "application/json; charset=utf-8"), at: 0)
        }
        return DoubleResponse(status: status, headers: headers, body: [UInt8](body))
    }

    /// A weak validator that changes with the star count and differs per `Authorization` value.
    static func etag(for repository: GitHubDoubleRepository, authorization: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte
            in "\(repository.id)|\(repository.stars)|\(repository.archived)|\(repository.description ?? "")|\(authorization)"
            .utf8
        {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "W/\"\(String(hash, radix: 16))\""
    }
}
