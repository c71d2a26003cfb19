import CuratorSources

/// A sleeper that returns at once and remembers what it was asked to wait, so tests can assert
/// that a client chose to wait out a limit without spending the time.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    func record(_ duration: Duration) { waits.append(duration) }

    nonisolated var sleeper: Sleeper {
        { duration in await self.record(duration) }
    }
}
