/// Waits for a duration. Clients take one so tests can shorten or observe the waits that rate
/// limits and retries impose, without changing what the client decides.
public typealias Sleeper = @Sendable (Duration) async throws -> Void

/// The sleeper used in production: the task's own sleep, which ends early on cancellation.
public let taskSleeper: Sleeper = { duration in
    try await Task.sleep(for: duration)
}
