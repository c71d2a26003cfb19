import CuratorHTTP

/// Passes requests through and counts them by the service they went to, so a refresh can report
/// how many requests each API cost.
public final class CountingHTTPClient: HTTPClient {
    private let inner: any HTTPClient
    private let services: [(prefix: String, name: String)]
    private let counts = RequestCounts()

    /// - Parameter services: endpoint prefixes and the names to count them under; the longest
    ///   matching prefix wins, so a GraphQL endpoint under the REST base counts as GraphQL.
    public init(_ inner: any HTTPClient, services: [(prefix: String, name: String)]) {
        self.inner = inner
        self.services = services.sorted { $0.prefix.count > $1.prefix.count }
    }

    public func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        let name = services.first { request.url.hasPrefix($0.prefix) }?.name ?? "other"
        await counts.add(name)
        return try await inner.send(request)
    }

    public func snapshot() async -> [String: Int] { await counts.values }
}

actor RequestCounts {
    private(set) var values: [String: Int] = [:]

    func add(_ name: String) { values[name, default: 0] += 1 }
}
