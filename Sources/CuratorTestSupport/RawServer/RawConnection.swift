import Foundation

/// What a handler uses to answer: raw bytes, pauses, an orderly close or a reset. Every write
/// is timestamped in the server's log, which is how tests measure overlapping requests.
public final class RawConnection: Sendable {
    private let socket: RawSocket
    private let log: RawServerLog
    private let sequence: Int

    init(socket: RawSocket, log: RawServerLog, sequence: Int) {
        self.socket = socket
        self.log = log
        self.sequence = sequence
    }

    /// Writes bytes exactly as given; false once the client has gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        log.markWrite(sequence)
        return socket.send(bytes)
    }

    @discardableResult
    public func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Blocks until the client closes the connection (or sends nothing for the socket's ten-second
    /// receive timeout): a server that stalls mid-answer for as long as the client is willing to wait.
    public func holdUntilClientCloses() {
        while let bytes = socket.receive(), !bytes.isEmpty {}
    }

    /// Ends the connection with FIN.
    public func close() {
        socket.close()
    }

    /// Ends the connection with RST, as a crashed or hostile server would.
    public func reset() {
        socket.reset()
    }

    /// Writes a complete, well-formed response with `Content-Length` and `Connection: close`.
    /// For HEAD the length of `body` is declared but the body itself is left out.
    public func respond(
        status: Int,
        reason: String? = nil,
        headers: [(String, String)] = [],
        body: String = "",
        for request: RawRequest? = nil
    ) {
        respond(status: status, reason: reason, headers: headers, bytes: Array(body.utf8), for: request)
    }

    /// `respond` with a body of arbitrary bytes.
    public func respond(
        status: Int,
        reason: String? = nil,
        headers: [(String, String)],
        bytes: [UInt8],
        for request: RawRequest? = nil
    ) {
        var head = "HTTP/1.1 \(status) \(reason ?? Self.reason(for: status))\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let includeBody = request?.method != "HEAD"
        write(Array(head.utf8) + (includeBody ? bytes : []))
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
