internal import CCurl

/// Why the engine itself stopped a transfer from inside a libcurl callback. libcurl reports all
/// of these as a write error, so the reason is remembered beside the transfer.
enum TransferAbort: Sendable {
    case bodyTooLarge
    case headersTooLarge
    /// The caller wanted only the start of the body; the transfer counts as a success.
    case truncated
}

extension HTTPFailure.Kind {
    /// Sorts a libcurl result code into the engine's failure kinds.
    ///
    /// - Parameters:
    ///   - abort: the engine's own reason, when a callback stopped the transfer.
    ///   - connected: whether a connection to the server was made; CURLE_UNSUPPORTED_PROTOCOL
    ///     then means the server answered in something other than HTTP/1.x (libcurl reports an
    ///     HTTP/0.9-looking reply that way), because the engine refuses other schemes up front.
    init(curlCode code: Int, abort: TransferAbort?, connected: Bool) {
        switch (code, abort) {
        case (23, .bodyTooLarge), (63, _):
            self = .bodyTooLarge
        case (23, .headersTooLarge):
            self = .invalidResponse
        case (1, _):
            self = connected ? .invalidResponse : .unsupportedScheme
        case (3, _):
            self = .malformedURL
        case (5, _), (6, _):
            self = .dnsFailure
        case (7, _):
            self = .connectionRefused
        case (28, _):
            self = .timeout
        case (35, _), (51, _), (53, _), (54, _), (58, _), (59, _), (60, _), (64, _), (66, _), (77, _), (80, _),
            (82, _), (83, _), (90, _), (91, _):
            self = .tlsFailure
        case (18, _), (52, _), (55, _), (56, _):
            // A partial body, an empty reply or a reset all mean the server or the path to it
            // dropped the connection, which is worth retrying.
            self = .connectionReset
        case (8, _), (16, _), (27, _), (61, _), (92, _), (100, _):
            // 27 (out of memory) is how libcurl 7.x reports a single header line beyond its
            // own 100 KB limit, so for a transfer it is evidence of a hostile reply.
            self = .invalidResponse
        case (42, _):
            self = .cancelled
        case (47, _):
            self = .tooManyRedirects
        default:
            self = .other
        }
    }
}

extension HTTPFailure {
    /// A failure built from a libcurl result, carrying its code and the best message available.
    init(curlCode code: CURLcode, errorBuffer: String, abort: TransferAbort?, connected: Bool, limit: Int) {
        let number = Int(code.rawValue)
        let kind = Kind(curlCode: number, abort: abort, connected: connected)
        var message: String
        switch (kind, abort) {
        case (.bodyTooLarge, _):
            message = "response body exceeds \(limit) bytes"
        case (.invalidResponse, .headersTooLarge):
            message = "response headers exceed \(limit) bytes"
        default:
            message = errorBuffer.isEmpty ? String(cString: ccurl_easy_strerror(code)) : errorBuffer
        }
        if !errorBuffer.isEmpty, !message.contains(errorBuffer) {
            message += " (\(errorBuffer))"
        }
        self.init(kind, curlCode: number, message: message)
    }
}
