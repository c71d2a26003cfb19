import CuratorHTTP

/// Sends one GitHub request and deals with what is not the request's own answer: server errors
/// and transport failures are retried with backoff, and a rate limit whose end is near is waited
/// out. Anything else is returned to the caller to interpret.
struct GitHubRequester: Sendable {
    let http: any HTTPClient
    let configuration: GitHubConfiguration

    /// - Parameters:
    ///   - waits: limit waits already taken in this run; shared across requests so a run that keeps
    ///     hitting the limit stops instead of waiting forever.
    ///   - limit: recognises a rate-limit answer in a response (the REST and GraphQL shapes differ).
    func send(
        _ request: HTTPRequest, waits: inout Int, limit: (HTTPResponse) -> GitHubLimit?
    ) async -> Result<HTTPResponse, FetchStop> {
        var attempt = 0
        var previous: FetchStop?
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch {
                guard error.isTransient, attempt < configuration.retry.maxAttempts else {
                    return .failure(FetchStop.failed(error, attempts: attempt, previous: previous))
                }
                previous = FetchStop.failed(error, attempts: attempt)
                guard await pause(configuration.retry.delay(after: attempt)) else {
                    return .failure(.outOfTime(after: previous))
                }
                continue
            }
            if let found = limit(response) {
                guard waits < configuration.maxRateLimitWaits,
                    let pause = found.wait(
                        now: configuration.clock.date, threshold: configuration.rateLimitWaitThreshold)
                else {
                    return .failure(found.stop)
                }
                waits += 1
                attempt -= 1
                previous = found.stop
                guard await self.pause(pause) else { return .failure(.outOfTime(after: previous)) }
                continue
            }
            if (500...599).contains(response.status) {
                guard attempt < configuration.retry.maxAttempts else {
                    return .failure(.serviceUnavailable(status: response.status, attempts: attempt))
                }
                previous = .serviceUnavailable(status: response.status, attempts: attempt)
                guard await pause(configuration.retry.delay(after: attempt)) else {
                    return .failure(.outOfTime(after: previous))
                }
                continue
            }
            return .success(response)
        }
    }

    /// Waits; false when the wait would outlast the run's time budget, so the caller stops.
    private func pause(_ duration: Duration) async -> Bool {
        do {
            try await configuration.clock.sleep(for: duration)
        } catch is DeadlineClock.OutOfTime {
            return false
        } catch {}
        return true
    }
}
