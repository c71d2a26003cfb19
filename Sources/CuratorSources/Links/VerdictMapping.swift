import CuratorCore
import CuratorHTTP
import Foundation

/// Turns what the HTTP engine saw into a typed verdict with its evidence.
///
/// Only definitive answers become `dead`: 404, 410, 451 and a host that does not exist. Everything
/// a remote host's bad day can produce (throttling, bot walls, 5xx, resets, timeouts, garbage)
/// becomes a warning-level verdict, because a pull request must never fail on it.
public enum VerdictMapping {
    /// Redirect statuses that say the move is for good.
    static let permanentRedirects: Set<Int> = [301, 308]

    /// Retry-After is kept as evidence only when it is a number of seconds; the engine itself has
    /// already honoured either form while retrying.
    public static func verdict(for response: HTTPResponse) -> LinkVerdict {
        let chain = response.redirects.map { RedirectHop(url: $0.url, status: $0.status, location: $0.location) }
        let status = response.status
        let via = chain.isEmpty ? "" : " after \(chain.count) redirect\(chain.count == 1 ? "" : "s") to \(response.url)"
        switch status {
        case 200..<300:
            guard !chain.isEmpty else { return .ok(status: status) }
            let permanent = chain.allSatisfy { permanentRedirects.contains($0.status) }
            return .redirected(permanent: permanent, target: response.url, chain: chain)
        case 404:
            return .dead(reason: .notFound, status: status, detail: "404 Not Found\(via)")
        case 410:
            return .dead(reason: .gone, status: status, detail: "410 Gone\(via)")
        case 451:
            return .dead(
                reason: .unavailableForLegalReasons, status: status, detail: "451 Unavailable For Legal Reasons\(via)")
        case 429:
            let retryAfter = response.headers["Retry-After"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            return .rateLimited(status: status, retryAfter: retryAfter)
        default:
            if let wall = BotWall.detect(response) { return .blocked(status: status, detail: wall) }
            if (500..<600).contains(status) {
                return .transient(status: status, curlCode: nil, detail: "server error \(status)\(via)")
            }
            return .transient(status: status, curlCode: nil, detail: "answered \(status)\(via)")
        }
    }

    public static func verdict(for failure: HTTPFailure) -> LinkVerdict {
        let via = failure.redirects.last.map { " (after a redirect to \($0.location))" } ?? ""
        let detail = failure.message + via
        switch failure.kind {
        case .dnsFailure:
            return .dead(reason: .noSuchHost, status: nil, detail: detail)
        case .malformedURL:
            return .dead(reason: .malformedURL, status: nil, detail: detail)
        case .timeout:
            return .timeout(detail: detail)
        case .redirectToInternalAddress:
            // Never a `moved-link` fix: the list must not be edited to point into a private network.
            return .blocked(status: failure.redirects.last?.status ?? 0, detail: failure.message)
        case .outOfTime:
            return .transient(status: nil, curlCode: nil, detail: failure.message)
        case .unsupportedScheme, .connectionRefused, .connectionReset, .tlsFailure, .tooManyRedirects, .redirectLoop,
            .bodyTooLarge, .invalidResponse, .cancelled, .other:
            return .transient(status: nil, curlCode: failure.curlCode, detail: "\(failure.kind.rawValue): \(detail)")
        }
    }
}

/// Recognises the pages that bot protection serves instead of the page asked for.
enum BotWall {
    /// LinkedIn's private status for crawlers.
    static let crawlerStatus = 999

    /// A description of the wall, or nil when the answer looks like the site's own.
    static func detect(_ response: HTTPResponse) -> String? {
        let server = response.headers["Server"]?.lowercased() ?? ""
        if response.status == crawlerStatus { return "status 999, the answer some sites give crawlers" }
        if response.headers["cf-mitigated"]?.lowercased() == "challenge" {
            return "Cloudflare challenge (cf-mitigated: challenge)"
        }
        guard [401, 403, 503].contains(response.status) else { return nil }
        if server.contains("cloudflare") { return "\(response.status) from Cloudflare, probably a bot check" }
        if server.contains("akamai") || response.headers["x-datadome"] != nil
            || response.headers["x-amzn-waf-action"] != nil
        {
            return "\(response.status) from a bot protection service"
        }
        // A plain 401 or 403 is a login or an access wall, not evidence that the page is gone.
        return response.status == 503 ? nil : "\(response.status): access refused to a crawler"
    }
}
