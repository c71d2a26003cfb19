import Foundation

/// One request as a double received it, kept so tests can assert on pacing, headers and batching.
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    /// Query items in the order sent, percent-decoded.
    public var query: [QueryPair]
    /// Header names in lower case, as HTTP treats them.
    public var headers: [String: String]
    public var body: [UInt8]
    public var arrival: Date
    /// A monotonic arrival time, for measuring gaps between requests, on the double's clock.
    public var arrivalInstant: ContinuousClock.Instant
    /// The status the double answered.
    public var status: Int = 0

    public struct QueryPair: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Collects what a double saw, in arrival order.
actor RequestLog {
    private(set) var entries: [RecordedRequest] = []

    func append(_ request: RecordedRequest) -> Int {
        entries.append(request)
        return entries.count - 1
    }

    func setStatus(_ status: Int, at index: Int) {
        entries[index].status = status
    }
}
