import CuratorHTTP
import CuratorTestSupport
import Foundation
import Synchronization

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

/// Holds each request until `size` of them are being served at once (or all `total` have come),
/// so that a limit of `size` concurrent requests is certainly reached, and a client that sends
/// more at once is seen with more in flight.
final class Batcher: Sendable {
    private let size: Int
    private let total: Int
    private let arrived = Mutex(0)
    private let condition = NSCondition()

    init(size: Int, total: Int) {
        self.size = size
        self.total = total
    }

    /// Called by a handler: waits until its batch is complete.
    func hold() {
        condition.lock()
        let number = arrived.withLock { count in
            count += 1
            return count
        }
        let batchEnd = min(total, ((number - 1) / size + 1) * size)
        condition.broadcast()
        while arrived.withLock({ $0 }) < batchEnd { condition.wait() }
        condition.unlock()
    }
}
