internal import CCurl

/// One easy handle configured for an `Attempt`, together with the buffers its callbacks fill.
///
/// A transfer is created, driven and destroyed on the `MultiLoop` thread only; it is not
/// `Sendable`, and its callbacks reach it through an unretained pointer that stays valid because
/// the loop holds the transfer until libcurl has finished with the handle.
final class Transfer {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    let continuation: CheckedContinuation<AttemptOutcome, Never>
    private let attempt: Attempt
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var body: [UInt8] = []
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var abort: TransferAbort?

    /// Returns nil, after resuming the continuation with the failure, when libcurl rejects the
    /// configuration; a rejected option is a programming error, but it must not hang the caller.
    init?(id: UInt64, attempt: Attempt, continuation: CheckedContinuation<AttemptOutcome, Never>) {
        guard let easy = ccurl_easy_init() else {
            continuation.resume(returning: .failure(HTTPFailure(.other, message: "curl_easy_init failed")))
            return nil
        }
        self.id = id
        self.easy = easy
        self.attempt = attempt
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        if let failure = configure() {
            continuation.resume(returning: .failure(failure))
            return nil
        }
    }

    deinit {
        ccurl_easy_cleanup(easy)
        ccurl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    /// Builds the outcome once libcurl reports the transfer done.
    func outcome(for code: CURLcode) -> AttemptOutcome {
        if code == CURLE_OK || abort == .truncated {
            var status = 0
            _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            return .success(AttemptResponse(status: status, headers: headers, body: body))
        }
        var primaryIP: UnsafeMutablePointer<CChar>?
        _ = ccurl_easy_getinfo_string(easy, CURLINFO_PRIMARY_IP, &primaryIP)
        let connected = primaryIP.map { $0.pointee != 0 } ?? false
        let limit = abort == .headersTooLarge ? attempt.maxHeaderBytes : attempt.maxBodyBytes
        let failure = HTTPFailure(
            curlCode: code,
            errorBuffer: String(cString: errorBuffer),
            abort: abort,
            connected: connected,
            limit: limit
        )
        return .failure(failure)
    }

    // MARK: - Configuration

    private func configure() -> HTTPFailure? {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            ccurl_easy_setopt_pointer(easy, CURLOPT_URL, attempt.url),
            ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer),
            // Signals are not thread-safe and the loop runs on its own thread; timeouts still
            // work because libcurl's threaded resolver does not need SIGALRM.
            ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            // The engine follows redirects itself, to record the chain, detect loops, and send
            // each hop through the per-host limits of the host it goes to.
            ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0),
            ccurl_easy_setopt_pointer(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
            ccurl_easy_setopt_pointer(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1),
            ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2),
            // An empty string offers every encoding this libcurl can decode and decodes the body.
            ccurl_easy_setopt_pointer(easy, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_easy_setopt_pointer(easy, CURLOPT_USERAGENT, attempt.userAgent),
            ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(attempt.connectTimeout)),
            ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(attempt.totalTimeout)),
            ccurl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, transferWriteCallback),
            ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context),
            ccurl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, transferHeaderCallback),
            ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context),
        ]
        if !attempt.truncatesBody, attempt.method != .head {
            // A declared Content-Length beyond the cap fails before any of the body is read. A
            // HEAD reads no body, so the length it declares is no reason to fail it.
            codes.append(ccurl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(attempt.maxBodyBytes)))
        }
        codes += configureMethod()
        codes += configureHeaders()
        guard let failed = codes.first(where: { $0 != CURLE_OK }) else { return nil }
        let reason = String(cString: ccurl_easy_strerror(failed))
        return HTTPFailure(.other, curlCode: Int(failed.rawValue), message: "libcurl rejected an option: \(reason)")
    }

    private func configureMethod() -> [CURLcode] {
        switch attempt.method {
        case .get:
            return [ccurl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)]
        case .head:
            return [ccurl_easy_setopt_long(easy, CURLOPT_NOBODY, 1)]
        case .post:
            // A trailing zero keeps the pointer valid even for an empty body; the declared size
            // excludes it. COPYPOSTFIELDS makes libcurl keep its own copy, so no Swift buffer has
            // to outlive this call.
            let body = attempt.body ?? []
            let padded = body + [0]
            return [
                ccurl_easy_setopt_long(easy, CURLOPT_POST, 1),
                ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                padded.withUnsafeBytes { ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) },
            ]
        }
    }

    private func configureHeaders() -> [CURLcode] {
        var lines = attempt.headers.fields.map { "\($0.name): \($0.value)" }
        if attempt.method == .post {
            // An empty Expect header stops libcurl from waiting for "100 Continue" before sending
            // larger bodies, a round trip many servers never answer.
            lines.append("Expect:")
        }
        for line in lines {
            guard let appended = ccurl_slist_append(requestHeaders, line) else { continue }
            requestHeaders = appended
        }
        guard let requestHeaders else { return [] }
        return [ccurl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, requestHeaders)]
    }

    /// libcurl's milliseconds for a timeout in seconds. Zero (no timeout) for zero, negative and
    /// NaN values, and at most a day, so that `.inf` or a huge value cannot trap in the conversion.
    private func milliseconds(_ seconds: Double) -> Int {
        guard seconds > 0 else { return 0 }
        return Int((min(seconds, Self.longestTimeout) * 1000).rounded(.up))
    }

    static let longestTimeout = 86_400.0

    // MARK: - Callbacks

    /// Returning fewer bytes than offered makes libcurl stop with CURLE_WRITE_ERROR.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        let room = attempt.maxBodyBytes - body.count
        guard bytes.count > room else {
            body.append(contentsOf: bytes)
            return bytes.count
        }
        if attempt.truncatesBody {
            body.append(contentsOf: bytes.prefix(max(0, room)))
            abort = .truncated
        } else {
            abort = .bodyTooLarge
        }
        return 0
    }

    /// libcurl calls this once per complete header line, the status line and the blank line
    /// that ends the block included.
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        headerBytes += bytes.count
        if headerBytes > attempt.maxHeaderBytes {
            abort = .headersTooLarge
            return 0
        }
        let line = String(decoding: bytes.trimmingLineEnd(), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // Each status line starts a new header block; only the final response's headers
            // matter, not those of a "100 Continue" before it.
            headers = HTTPHeaders()
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingPrefix()
            headers.add(name, value)
        }
        return bytes.count
    }
}

private func transferWriteCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func transferHeaderCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}

extension UnsafeRawBufferPointer {
    /// The line without its trailing CR, LF and blanks. Trimming happens on bytes because Swift
    /// treats "\r\n" as one Character, which character-wise trimming would not recognise.
    fileprivate func trimmingLineEnd() -> UnsafeRawBufferPointer.SubSequence {
        var end = count
        while end > 0, [0x0D, 0x0A, 0x20, 0x09].contains(self[end - 1]) {
            end -= 1
        }
        return self[0..<end]
    }
}

extension String {
    fileprivate func trimmingPrefix() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
