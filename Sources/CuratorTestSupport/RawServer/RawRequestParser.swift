import Foundation

/// Reads one HTTP/1.1 request head and its Content-Length body from a socket.
enum RawRequestParser {
    struct Parsed {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    /// Requests larger than this are refused, so a misbehaving client cannot exhaust memory.
    static let maxHeadBytes = 1 << 20

    /// Returns nil when the peer closes, times out, or sends something that is not a request.
    static func read(from socket: RawSocket) -> Parsed? {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            guard buffer.count < maxHeadBytes, let chunk = socket.receive(), !chunk.isEmpty else { return nil }
            let searchStart = max(0, buffer.count - 3)
            buffer += chunk
            headEnd = findTerminator(in: buffer, from: searchStart)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count >= 2 else { return nil }
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            return (String(line[..<colon]), String(value))
        }
        var body = Array(buffer[(headEnd + 4)...])
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while body.count < length {
            guard let chunk = socket.receive(), !chunk.isEmpty else { return nil }
            body += chunk
        }
        return Parsed(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            headers: headers,
            body: Array(body.prefix(length))
        )
    }

    private static func findTerminator(in buffer: [UInt8], from start: Int) -> Int? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4 else { return nil }
        var index = start
        while index + 4 <= buffer.count {
            if buffer[index] == 13, Array(buffer[index..<(index + 4)]) == terminator { return index }
            index += 1
        }
        return nil
    }
}
