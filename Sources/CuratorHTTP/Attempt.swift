/// One libcurl transfer: a single request to a single URL, with no redirects and no retries.
/// The engine builds one per try of every hop.
struct Attempt: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: HTTPHeaders
    var body: [UInt8]?
    var connectTimeout: Double
    var totalTimeout: Double
    var maxBodyBytes: Int
    var maxHeaderBytes: Int
    /// Keep the first `maxBodyBytes` and stop there successfully instead of failing; link probes
    /// need only the status, so they read no more of a large page than they must.
    var truncatesBody: Bool
    var userAgent: String
}

/// What one transfer brought back when the server answered at all.
struct AttemptResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
}

typealias AttemptOutcome = Result<AttemptResponse, HTTPFailure>
