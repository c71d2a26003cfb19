internal import CCurl

/// An absolute URL as libcurl's own parser understands it, so that the engine validates,
/// resolves and keys hosts exactly the way the transfer will later interpret the string.
struct CurlURL: Sendable, Hashable {
    let absolute: String
    /// Lower-cased scheme, e.g. `"https"`.
    let scheme: String
    /// Lower-cased host name or address literal; empty for schemes without one.
    let host: String
    /// The port the transfer connects to, the scheme's default when the URL names none.
    let port: Int

    var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// Parses an absolute URL. Unknown schemes are accepted here so that the caller can say
    /// "unsupported scheme" rather than "malformed URL" for `ftp://` or `mailto:` links.
    static func parse(_ text: String) throws(HTTPFailure) -> CurlURL {
        try withHandle { handle throws(HTTPFailure) in
            try set(handle, text, original: text)
            return try read(handle, original: text)
        }
    }

    /// Resolves a Location value (absolute, scheme-relative, path-absolute or relative) against
    /// the URL that returned it, following RFC 3986 as libcurl implements it.
    static func resolve(_ reference: String, against base: CurlURL) throws(HTTPFailure) -> CurlURL {
        try withHandle { handle throws(HTTPFailure) in
            try set(handle, base.absolute, original: base.absolute)
            try set(handle, reference, original: reference)
            return try read(handle, original: reference)
        }
    }

    private static func withHandle<T>(_ body: (OpaquePointer) throws(HTTPFailure) -> T) throws(HTTPFailure) -> T {
        guard let handle = ccurl_url() else {
            throw HTTPFailure(.other, message: "libcurl could not allocate a URL handle")
        }
        defer { ccurl_url_cleanup(handle) }
        return try body(handle)
    }

    private static func set(_ handle: OpaquePointer, _ text: String, original: String) throws(HTTPFailure) {
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME)
        let code = ccurl_url_set(handle, CURLUPART_URL, text, flags)
        guard code == CURLUE_OK else {
            let reason = String(cString: ccurl_url_strerror(code))
            throw HTTPFailure(.malformedURL, message: "malformed URL \(original): \(reason)")
        }
    }

    private static func read(_ handle: OpaquePointer, original: String) throws(HTTPFailure) -> CurlURL {
        guard let absolute = part(handle, CURLUPART_URL), let scheme = part(handle, CURLUPART_SCHEME) else {
            throw HTTPFailure(.malformedURL, message: "malformed URL \(original)")
        }
        let host = part(handle, CURLUPART_HOST) ?? ""
        let port = part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
        return CurlURL(absolute: absolute, scheme: scheme.lowercased(), host: host.lowercased(), port: port)
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart, flags: UInt32 = 0) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ccurl_url_get(handle, which, &pointer, flags) == CURLUE_OK, let pointer else { return nil }
        defer { ccurl_free(pointer) }
        return String(cString: pointer)
    }
}
