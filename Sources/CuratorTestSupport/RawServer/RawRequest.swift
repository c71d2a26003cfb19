/// One request as the raw server parsed it off the wire.
public struct RawRequest: Sendable {
    public let method: String
    /// The request target exactly as sent, e.g. `/a/b?x=1`.
    public let target: String
    public let path: String
    public let query: String?
    /// Headers in wire order and spelling.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// When the request head had been read completely.
    public let arrival: ContinuousClock.Instant
    /// Counts connections from 1 in the order the server accepted them.
    public let connectionID: Int
    /// The request's position in the server's log, from 0.
    public let sequence: Int

    /// The first value of the named header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A request together with the moment the server last began writing to its connection.
///
/// The client cannot have finished with a request before that moment, so two exchanges whose
/// intervals overlap were certainly in flight at the same time, and two that do not overlap
/// may have run one after the other on the client's side.
public struct RawExchange: Sendable {
    public let request: RawRequest
    public let end: ContinuousClock.Instant
}
