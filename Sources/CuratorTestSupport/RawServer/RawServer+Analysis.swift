/// Measurements over a raw server's log, so tests assert what the server saw rather than what
/// the client believes it did.
extension RawServer {
    /// The most exchanges that were in flight at one moment, over the given exchanges; pass the
    /// exchanges of several servers together to measure a limit that spans hosts.
    public static func maxOverlap(_ exchanges: [RawExchange]) -> Int {
        // Ends sort before starts at the same instant, because an exchange that ended exactly
        // when another began did not overlap it.
        let events =
            exchanges.map { ($0.request.arrival, 1) } + exchanges.map { ($0.end, -1) }
        var current = 0
        var highest = 0
        for (_, change) in events.sorted(by: { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }) {
            current += change
            highest = max(highest, current)
        }
        return highest
    }

    /// The most requests this server was serving at once.
    public var maxConcurrency: Int { Self.maxOverlap(exchanges) }

    /// The time from `origin` (a `TestClock`'s start) to each arrival, in arrival order. Durations
    /// rather than seconds, so that comparing them with multiples of a spacing is exact.
    public func arrivalOffsets(from origin: ContinuousClock.Instant) -> [Duration] {
        requests.map { $0.arrival - origin }
    }

    /// The time between consecutive arrivals, in arrival order.
    public var arrivalGaps: [Duration] {
        let arrivals = requests.map(\.arrival)
        return zip(arrivals, arrivals.dropFirst()).map { $1 - $0 }
    }
}
