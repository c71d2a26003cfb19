import CuratorHTTP
import Foundation

/// The API doubles' view of a `RawServer`: each request arrives as a `RecordedRequest` at an async
/// handler (the doubles are actors), which answers with a whole `DoubleResponse`; every request is
/// logged with the status it got.
final class DoubleServer: Sendable {
    typealias Handler = @Sendable (RecordedRequest) async -> DoubleResponse

    private let server: RawServer
    private let log: RequestLog

    var port: UInt16 { server.port }
    var baseURL: String { server.baseURL }

    static func start(clock: any NetworkClock = SystemClock(), handler: @escaping Handler) async throws -> DoubleServer
    {
        let log = RequestLog()
        let server = try RawServer(clock: clock) { request, connection in
            let response = RawServer.await {
                let recorded = DoubleServer.record(request, clock: clock)
                let index = await log.append(recorded)
                let response = await handler(recorded)
                await log.setStatus(response.status, at: index)
                return response
            }
            connection.respond(
                status: response.status, reason: response.reason,
                headers: response.headersWithDate(clock.date), bytes: response.body, for: request)
        }
        return DoubleServer(server: server, log: log)
    }

    private init(server: RawServer, log: RequestLog) {
        self.server = server
        self.log = log
    }

    func requests() async -> [RecordedRequest] {
        await log.entries
    }

    func stop() async {
        server.stop()
    }

    private static func record(_ request: RawRequest, clock: any NetworkClock) -> RecordedRequest {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.lowercased()] = value
        }
        var components = URLComponents()
        components.percentEncodedQuery = request.query
        let query = (components.queryItems ?? []).map {
            RecordedRequest.QueryPair(name: $0.name, value: $0.value ?? "")
        }
        return RecordedRequest(
            method: request.method,
            path: request.path.removingPercentEncoding ?? request.path,
            query: query,
            headers: headers,
            body: request.body,
            arrival: clock.date,
            arrivalInstant: request.arrival
        )
    }
}

/// A response in the double's own terms; written to the wire by `RawConnection.respond`.
struct DoubleResponse: Sendable {
    var status: Int
    var reason: String
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, reason: String? = nil, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason ?? DoubleResponse.reasons[status] ?? "Status"
        self.headers = headers
        self.body = body
    }

    init(status: Int, headers: [(String, String)] = [], text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// The headers with a `Date`, as every real server sends, unless the double set its own.
    func headersWithDate(_ date: Date) -> [(String, String)] {
        guard !headers.contains(where: { $0.0.lowercased() == "date" }) else { return headers }
        return headers + [("Date", RetryAfter.format(date))]
    }

    private static let reasons: [Int: String] = [
        200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized",
        403: "Forbidden", 404: "Not Found", 414: "URI Too Long", 429: "Too Many Requests",
        451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
