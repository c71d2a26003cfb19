import CuratorSync
import Foundation

/// The production `HTTPClient`: libcurl's multi interface on one thread, with per-host limits,
/// retries with backoff, Retry-After, and redirects that the engine follows itself.
///
/// One request goes through three layers. `send` follows redirects hop by hop; each hop goes
/// through `sendWithRetries`, which waits for the host's turn in the `HostLimiter` before every
/// try; each try is one libcurl transfer on the `MultiLoop`.
public final class CurlEngine: HTTPClient {
    public let configuration: EngineConfiguration
    private let loop: MultiLoop
    private let limiter: HostLimiter
    private let counterState = Mutex(EngineCounters())

    /// Throws when libcurl cannot be loaded or initialised; the first engine of a process is what
    /// loads it.
    public init(configuration: EngineConfiguration = EngineConfiguration()) throws(LibcurlUnavailable) {
        self.configuration = configuration
        loop = try MultiLoop()
        limiter = HostLimiter(configuration: configuration)
    }

    deinit {
        loop.shutdown()
    }

    /// A snapshot of the transfers started so far.
    public var counters: EngineCounters {
        counterState.withLock { $0 }
    }

    public func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        try await send(request, truncatesBody: false)
    }

    func send(_ request: HTTPRequest, truncatesBody: Bool) async throws(HTTPFailure) -> HTTPResponse {
        var url = try CurlURL.parse(request.url)
        guard url.isHTTP else {
            throw HTTPFailure(.unsupportedScheme, message: "unsupported scheme \(url.scheme): in \(request.url)")
        }
        var method = request.method
        var body = request.body
        var headers = request.headers
        var chain: [Redirect] = []
        var visited: Set<String> = [url.absolute]
        // Whether the link itself points into an internal network; asked only once a redirect comes.
        var startsInternal: Bool?
        while true {
            let attempt = Attempt(
                method: method,
                url: url.absolute,
                headers: headers,
                body: body,
                connectTimeout: request.connectTimeout,
                totalTimeout: request.totalTimeout,
                maxBodyBytes: request.maxBodyBytes,
                maxHeaderBytes: configuration.maxHeaderBytes,
                truncatesBody: truncatesBody,
                userAgent: configuration.userAgent
            )
            let answer: AttemptResponse
            do {
                answer = try await sendWithRetries(attempt, host: url.host)
            } catch {
                var failure = error
                failure.redirects = chain
                throw failure
            }
            guard request.followRedirects, Self.redirectStatuses.contains(answer.status),
                let location = answer.headers["Location"]
            else {
                return HTTPResponse(
                    status: answer.status,
                    headers: answer.headers,
                    body: answer.body,
                    url: url.absolute,
                    redirects: chain
                )
            }
            let next = try CurlURL.resolve(location, against: url)
            chain.append(Redirect(url: url.absolute, status: answer.status, location: next.absolute))
            guard next.isHTTP else {
                throw HTTPFailure(
                    .unsupportedScheme,
                    message: "redirect to unsupported scheme \(next.scheme): \(next.absolute)",
                    redirects: chain
                )
            }
            guard visited.insert(next.absolute).inserted else {
                throw HTTPFailure(.redirectLoop, message: "redirect loop back to \(next.absolute)", redirects: chain)
            }
            guard chain.count <= request.maxRedirects else {
                throw HTTPFailure(
                    .tooManyRedirects,
                    message: "more than \(request.maxRedirects) redirects",
                    redirects: chain
                )
            }
            if let reason = await internalReason(forHost: next.host) {
                let origin = chain[0].url
                if startsInternal == nil {
                    let originHost = (try? CurlURL.parse(origin).host) ?? ""
                    startsInternal = await internalReason(forHost: originHost) != nil
                }
                if startsInternal == false {
                    throw HTTPFailure(
                        .redirectToInternalAddress,
                        message: "redirect to \(next.absolute), where \(reason); not followed",
                        redirects: chain
                    )
                }
            }
            if Self.switchesToGET(status: answer.status, method: method) {
                method = .get
                body = nil
            }
            if next.scheme != url.scheme || next.host != url.host || next.port != url.port {
                // Credentials were meant for the origin they were given to; a redirect to another
                // scheme, host or port must not carry a GitHub token or a cookie along with it.
                headers.fields.removeAll { ["authorization", "cookie"].contains($0.name.lowercased()) }
            }
            url = next
        }
    }

    /// Resolves off the cooperative thread pool: getaddrinfo blocks, for seconds on a slow resolver.
    private func internalReason(forHost host: String) async -> String? {
        let policy = configuration.addressPolicy
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: policy.internalReason(forHost: host))
            }
        }
    }

    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// 303 always means "fetch the result with GET"; 301 and 302 turn a POST into a GET as every
    /// browser and libcurl do; 307 and 308 keep the method and body by definition. HEAD stays HEAD
    /// so that a probe does not download pages along the way.
    private static func switchesToGET(status: Int, method: HTTPMethod) -> Bool {
        switch (status, method) {
        case (_, .head): false
        case (303, _): true
        case (301, .post), (302, .post): true
        default: false
        }
    }

    /// Sends one hop, trying again after transient failures, retryable statuses and throttling.
    /// Within a time budget, no attempt starts after the deadline, no transfer runs past it, and no
    /// retry is waited for that would end after it: the last answer or failure is returned instead.
    private func sendWithRetries(_ attempt: Attempt, host: String) async throws(HTTPFailure) -> AttemptResponse {
        let policy = configuration.retry
        let clock = configuration.clock
        var generator = SystemRandomNumberGenerator()
        var number = 1
        while true {
            if let remaining = remainingBudget(), remaining <= 0 { throw HTTPFailure.outOfTime }
            guard !Task.isCancelled else { throw HTTPFailure(.cancelled, message: "the request was cancelled") }
            switch await limiter.acquire(host: host) {
            case .granted: break
            case .cancelled: throw HTTPFailure(.cancelled, message: "the request was cancelled")
            case .outOfTime: throw HTTPFailure.outOfTime
            }
            var attempt = attempt
            if let remaining = remainingBudget() {
                // The wait for the slot may have used up the budget; what is left bounds the transfer.
                guard remaining > 0 else {
                    await limiter.release(host: host, feedback: .failed)
                    throw HTTPFailure.outOfTime
                }
                attempt.totalTimeout = attempt.totalTimeout > 0 ? min(attempt.totalTimeout, remaining) : remaining
                attempt.connectTimeout = min(attempt.connectTimeout > 0 ? attempt.connectTimeout : remaining, remaining)
            }
            counterState.withLock { $0.recordAttempt(host: host, isRetry: number > 1) }
            let outcome = await loop.perform(attempt)
            let canRetry = number < policy.maxAttempts
            let delay: Double
            switch outcome {
            case .success(let answer):
                let requested = answer.headers["Retry-After"].flatMap { RetryAfter.seconds(from: $0, now: clock.date) }
                let wait =
                    requested.map(policy.clampedRetryAfter)
                    ?? policy.backoff(afterAttempt: number, using: &generator)
                let throttled = answer.status == 429 || answer.status == 503
                await limiter.release(host: host, feedback: throttled ? .throttled(seconds: wait) : .answered)
                guard canRetry, policy.isRetryable(status: answer.status), fitsBudget(wait) else { return answer }
                delay = wait
            case .failure(let failure):
                await limiter.release(host: host, feedback: .failed)
                let delayed = policy.backoff(afterAttempt: number, using: &generator)
                guard canRetry, failure.kind != .cancelled, policy.isRetryable(failure), fitsBudget(delayed) else {
                    throw failure
                }
                delay = delayed
            }
            do {
                try await clock.sleep(for: .clamped(seconds: delay))
            } catch {
                throw HTTPFailure(.cancelled, message: "the request was cancelled while waiting to retry")
            }
            number += 1
        }
    }

    /// Seconds left of the run's time budget; nil without one.
    private func remainingBudget() -> Double? {
        configuration.deadline.map { (configuration.clock.now.duration(to: $0)).seconds }
    }

    /// Whether a wait of `seconds` still leaves time to send the request afterwards.
    private func fitsBudget(_ seconds: Double) -> Bool {
        remainingBudget().map { seconds < $0 } ?? true
    }

}
