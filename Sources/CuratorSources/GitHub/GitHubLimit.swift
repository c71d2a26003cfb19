import CuratorHTTP
import Foundation

/// A rate-limit answer from GitHub and what it implies.
///
/// GitHub has two kinds. The primary limit is a budget per hour: when it is spent, REST answers
/// 403 or 429 with `x-ratelimit-remaining: 0`, and GraphQL answers **200** with an error of type
/// `RATE_LIMITED` (older) or `RATE_LIMIT` (newer). `x-ratelimit-reset` gives the epoch second at
/// which it refills. The secondary limit guards against bursts and concurrency: 403 or 429 whose
/// message mentions a "secondary rate limit", sometimes with `retry-after`; GitHub's guidance
/// without that header is to wait at least a minute.
enum GitHubLimit: Equatable {
    case primary(resetAt: Date?)
    case secondary(retryAfterSeconds: Int?)

    static func resetDate(_ response: HTTPResponse) -> Date? {
        response.headers["x-ratelimit-reset"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
    }

    /// Classifies a REST 403/429 (or a GraphQL 403/429) that is about limits; nil when it is not.
    static func classify(_ response: HTTPResponse, message: String?) -> GitHubLimit? {
        guard response.status == 403 || response.status == 429 else { return nil }
        if let message, message.range(of: "secondary rate limit", options: .caseInsensitive) != nil {
            return .secondary(retryAfterSeconds: response.headers["retry-after"].flatMap { Int($0) })
        }
        if response.headers["x-ratelimit-remaining"] == "0" {
            return .primary(resetAt: resetDate(response))
        }
        if let retryAfter = response.headers["retry-after"].flatMap({ Int($0) }) {
            return .secondary(retryAfterSeconds: retryAfter)
        }
        if response.status == 429 {
            return .secondary(retryAfterSeconds: nil)
        }
        return nil
    }

    /// How long to wait, or nil when the wait is beyond what the configuration allows.
    func wait(now: Date, threshold: Duration) -> Duration? {
        let seconds: Double
        switch self {
        case .primary(let resetAt):
            guard let resetAt else { return nil }
            // One extra second because the reset instant is rounded down to whole seconds.
            seconds = max(0, resetAt.timeIntervalSince(now)) + 1
        case .secondary(let retryAfter):
            seconds = Double(retryAfter ?? 60)
        }
        return seconds <= threshold.seconds ? .seconds(seconds) : nil
    }

    var stop: FetchStop {
        switch self {
        case .primary(let resetAt): .rateLimited(resetAt: resetAt)
        case .secondary(let retryAfter): .secondaryRateLimited(retryAfterSeconds: retryAfter)
        }
    }
}

/// The part of GitHub's error bodies the clients read: `message` and, for blocked repositories,
/// `block.reason`.
struct GitHubErrorBody: Decodable {
    struct Block: Decodable { var reason: String? }
    var message: String?
    var block: Block?

    static func decode(_ body: [UInt8]) -> GitHubErrorBody? {
        try? JSONDecoder().decode(GitHubErrorBody.self, from: Data(body))
    }
}
