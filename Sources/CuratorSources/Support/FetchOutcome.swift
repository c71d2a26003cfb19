import CuratorHTTP
import Foundation

/// The result of a bulk lookup that may stop before it is finished.
///
/// A scheduled refresh must keep whatever it fetched when an API's limit runs out, and say what
/// it could not fetch so the next run can resume there. `results` holds every key that got an
/// answer, `unfetched` the keys that were never answered (in request order), and `stop` why the
/// run ended early, if it did.
public struct FetchOutcome<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public var results: [Key: Value]
    public var unfetched: [Key]
    public var stop: FetchStop?

    public init(results: [Key: Value] = [:], unfetched: [Key] = [], stop: FetchStop? = nil) {
        self.results = results
        self.unfetched = unfetched
        self.stop = stop
    }

    /// Whether every requested key got an answer.
    public var isComplete: Bool { unfetched.isEmpty && stop == nil }
}

/// Why a bulk lookup stopped before every key was answered.
public enum FetchStop: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary rate limit is spent and resets too far in the future to wait for.
    case rateLimited(resetAt: Date?)
    /// The secondary (abuse) limit asked for a pause longer than the client may wait.
    case secondaryRateLimited(retryAfterSeconds: Int?)
    /// The service kept failing after the retry policy was used up.
    case serviceUnavailable(status: Int?, attempts: Int)
    /// The service answered something the client cannot use.
    case unexpectedResponse(status: Int, summary: String)
    /// No response came back at all.
    case transport(kind: String, attempts: Int)
    /// The run's time budget (`--max-time`) ran out before the lookup was finished; `after` is
    /// what went wrong before, if anything did.
    indirect case outOfTime(after: FetchStop?)

    /// The stop for a request that got no response: out of time, or a transport failure.
    /// - Parameter previous: what stopped the attempt before, which an out-of-time stop names.
    static func failed(_ failure: HTTPFailure, attempts: Int, previous: FetchStop? = nil) -> FetchStop {
        failure.kind == .outOfTime
            ? .outOfTime(after: previous) : .transport(kind: failure.kind.rawValue, attempts: attempts)
    }

    public var description: String {
        switch self {
        case .rateLimited(let resetAt):
            if let resetAt {
                "rate limit exhausted until \(resetAt.formatted(.iso8601))"
            } else {
                "rate limit exhausted"
            }
        case .secondaryRateLimited(let seconds):
            if let seconds { "secondary rate limit, retry after \(seconds) s" } else { "secondary rate limit" }
        case .serviceUnavailable(let status, let attempts):
            "service unavailable (status \(status.map(String.init) ?? "none")) after \(attempts) attempts"
        case .unexpectedResponse(let status, let summary):
            // The summary quotes the server, which may have echoed a credential.
            "unexpected response \(status): \(Redaction.redact(summary))"
        case .transport(let kind, let attempts):
            "no response (\(kind)) after \(attempts) attempts"
        case .outOfTime(let previous):
            "the run's time budget (--max-time) ran out" + (previous.map { " after \($0)" } ?? "")
        }
    }
}
