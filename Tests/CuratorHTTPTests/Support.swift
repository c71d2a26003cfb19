import CuratorHTTP
import CuratorTestSupport

/// Retries that take milliseconds, so that a test which forgets to honour Retry-After would
/// visibly come back too early.
let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, jitter: 0.1, retryAfterCap: 3)

func makeEngine(
    retry: RetryPolicy = fastRetry,
    maxConcurrentRequests: Int = 128,
    defaultHostPolicy: HostPolicy = HostPolicy(),
    hostPolicies: [String: HostPolicy] = [:],
    maxHeaderBytes: Int = 64 << 10
) throws -> CurlEngine {
    try CurlEngine(
        configuration: EngineConfiguration(
            maxConcurrentRequests: maxConcurrentRequests,
            defaultHostPolicy: defaultHostPolicy,
            hostPolicies: hostPolicies,
            retry: retry,
            maxHeaderBytes: maxHeaderBytes
        )
    )
}

/// A request with timeouts short enough for a fault test to end quickly.
func quickRequest(
    _ url: String,
    method: HTTPMethod = .get,
    body: [UInt8]? = nil,
    totalTimeout: Double = 3,
    maxBodyBytes: Int = 1 << 20,
    maxRedirects: Int = 10
) -> HTTPRequest {
    HTTPRequest(
        method: method,
        url: url,
        body: body,
        maxRedirects: maxRedirects,
        connectTimeout: 1,
        totalTimeout: totalTimeout,
        maxBodyBytes: maxBodyBytes
    )
}

/// Sends and returns the failure, or nil when a response came back instead.
func failureOf(_ request: HTTPRequest, on engine: CurlEngine) async -> HTTPFailure? {
    do {
        _ = try await engine.send(request)
        return nil
    } catch {
        return error
    }
}
