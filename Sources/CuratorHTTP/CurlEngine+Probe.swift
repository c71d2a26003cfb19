/// The answer to a link probe and how it was obtained.
public struct ProbeResult: Sendable, Hashable {
    /// The response that decides the link's fate: the HEAD's, or the GET's after a fallback.
    public var response: HTTPResponse
    /// `.head` when HEAD sufficed, `.get` when the probe fell back.
    public var method: HTTPMethod
    /// Why HEAD was not trusted, when the probe fell back to GET.
    public var headFallbackReason: String?
}

extension CurlEngine {
    /// HEAD statuses that many servers return for HEAD alone, while GET of the same URL works;
    /// they say nothing reliable about the link, so GET is asked as well.
    static let headFallbackStatuses: Set<Int> = [400, 403, 404, 405, 501]

    /// Checks a link cheaply: HEAD first, then GET if the HEAD answer cannot be trusted.
    ///
    /// The request's URL, headers, timeouts and redirect settings are used; its method and body
    /// are not. The GET keeps only the first `getBodyLimit` bytes of the body and stops there,
    /// because a link check needs the status, not the page.
    public func probe(_ request: HTTPRequest, getBodyLimit: Int = 64 << 10) async throws(HTTPFailure) -> ProbeResult {
        var head = request
        head.method = .head
        head.body = nil
        let reason: String
        do {
            let response = try await send(head, truncatesBody: false)
            guard Self.headFallbackStatuses.contains(response.status) else {
                return ProbeResult(response: response, method: .head, headFallbackReason: nil)
            }
            reason = "HEAD answered \(response.status)"
        } catch {
            guard Self.headFailureWarrantsGET(error) else { throw error }
            reason = "HEAD failed: \(error.message)"
        }
        var get = request
        get.method = .get
        get.body = nil
        get.maxBodyBytes = getBodyLimit
        let response = try await send(get, truncatesBody: true)
        return ProbeResult(response: response, method: .get, headFallbackReason: reason)
    }

    /// Some servers drop the connection or answer nonsense to HEAD only, so those failures are
    /// retried with GET. Failures that concern the host rather than the method (DNS, refused
    /// connections, TLS, timeouts) would only repeat, and a timeout would double the wait.
    static func headFailureWarrantsGET(_ failure: HTTPFailure) -> Bool {
        switch failure.kind {
        case .connectionReset, .invalidResponse, .other: true
        default: false
        }
    }
}
