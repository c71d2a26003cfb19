import FlyingFox
import Foundation

/// A FlyingFox server on 127.0.0.1 with an ephemeral port that records every request and hands
/// it to one handler. Each API double owns one.
final class DoubleServer: Sendable {
    typealias Handler = @Sendable (RecordedRequest) async -> DoubleResponse

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    let port: UInt16

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(handler: @escaping Handler) async throws -> DoubleServer {
        let log = RequestLog()
        let server = HTTPServer(
            config: .init(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled),
            handler: ClosureHTTPHandler { request in
                let recorded = await DoubleServer.record(request)
                let index = await log.append(recorded)
                let response = await handler(recorded)
                await log.setStatus(response.status, at: index)
                return response.flyingFox
            }
        )
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            task.cancel()
            throw DoubleServerError.notListening
        }
        return DoubleServer(server: server, task: task, port: port, log: log)
    }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, log: RequestLog) {
        self.server = server
        self.task = task
        self.port = port
        self.logStorage = log
    }

    private let logStorage: RequestLog

    func requests() async -> [RecordedRequest] {
        await logStorage.entries
    }

    func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    private static func record(_ request: FlyingFox.HTTPRequest) async -> RecordedRequest {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        let body = (try? await request.bodyData).map { [UInt8]($0) } ?? []
        var port: UInt16?
        switch request.remoteAddress {
        case .ip4(_, let remote)?, .ip6(_, let remote)?: port = remote
        default: port = nil
        }
        return RecordedRequest(
            method: request.method.rawValue,
            path: request.path,
            query: request.query.map { RecordedRequest.QueryPair(name: $0.name, value: $0.value) },
            headers: headers,
            body: body,
            arrival: Date(),
            arrivalInstant: ContinuousClock.now,
            remotePort: port
        )
    }
}

enum DoubleServerError: Error {
    case notListening
}

/// A response in the double's own terms; converted to FlyingFox's type at the edge.
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

    var flyingFox: FlyingFox.HTTPResponse {
        var fields = FlyingFox.HTTPHeaders()
        for (name, value) in headers {
            fields.addValue(value, for: FlyingFox.HTTPHeader(name))
        }
        if fields[FlyingFox.HTTPHeader("Date")] == nil {
            fields.addValue(DoubleResponse.httpDate(Date()), for: FlyingFox.HTTPHeader("Date"))
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: reason), headers: fields, body: Data(body))
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    private static let reasons: [Int: String] = [
        200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized",
        403: "Forbidden", 404: "Not Found", 414: "URI Too Long", 429: "Too Many Requests",
        451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
