import CuratorHTTP
import CuratorTestSupport

/// Retries whose waits are short and distinct from any Retry-After a test server asks for, so that
/// a test can tell from the clock's recorded waits which of the two was honoured.
let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, jitter: 0.1, retryAfterCap: 3)

func makeEngine(
    retry: RetryPolicy = fastRetry,
    maxConcurrentRequests: Int = 128,
    defaultHostPolicy: HostPolicy = HostPolicy(),
    hostPolicies: [String: HostPolicy] = [:],
    maxHeaderBytes: Int = 64 << 10,
    clock: any NetworkClock = TestClock(),
    addressPolicy: AddressPolicy = AddressPolicy()
) throws -> CurlEngine {
    try CurlEngine(
        configuration: EngineConfiguration(
            maxConcurrentRequests: maxConcurrentRequests,
            defaultHostPolicy: defaultHostPolicy,
            hostPolicies: hostPolicies,
            retry: retry,
            maxHeaderBytes: maxHeaderBytes,
            clock: clock,
            addressPolicy: addressPolicy
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
