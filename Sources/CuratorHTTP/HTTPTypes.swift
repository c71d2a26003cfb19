/// One HTTP header as sent or received; names compare case-insensitively through `HTTPHeaders`.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered header list that keeps the wire order and spelling.
public struct HTTPHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var fields: [HTTPHeader]

    public init(_ fields: [HTTPHeader] = []) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { HTTPHeader($0.0, $0.1) }
    }

    /// The first value of the named header, compared case-insensitively.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append(HTTPHeader(name, value))
    }
}

public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
}

/// What the engine is asked to fetch. Policy that differs per call (timeouts, redirects, body cap)
/// lives here; policy per host (concurrency, spacing) lives in the engine's configuration.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]?
    /// Follow redirects (up to `maxRedirects`) and record the chain.
    public var followRedirects: Bool
    public var maxRedirects: Int
    /// Seconds allowed to connect, and for the whole transfer.
    public var connectTimeout: Double
    public var totalTimeout: Double
    /// A larger body ends the transfer with `HTTPFailure.Kind.bodyTooLarge`.
    public var maxBodyBytes: Int

    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        followRedirects: Bool = true,
        maxRedirects: Int = 10,
        connectTimeout: Double = 10,
        totalTimeout: Double = 30,
        maxBodyBytes: Int = 8 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
    }
}

/// One hop of a redirect chain: the URL asked, the status it answered and where it pointed.
public struct Redirect: Sendable, Hashable {
    public var url: String
    public var status: Int
    public var location: String

    public init(url: String, status: Int, location: String) {
        self.url = url
        self.status = status
        self.location = location
    }
}

/// A complete answer from a server: the final hop's status, headers and body, and how it got there.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The URL that produced this response, after redirects.
    public var url: String
    public var redirects: [Redirect]

    public init(status: Int, headers: HTTPHeaders, body: [UInt8], url: String, redirects: [Redirect] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.redirects = redirects
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why no response came back. Carries libcurl's code and message as evidence.
public struct HTTPFailure: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unsupportedScheme
        case malformedURL
        case dnsFailure
        case connectionRefused
        case connectionReset
        case timeout
        case tlsFailure
        case tooManyRedirects
        case redirectLoop
        case bodyTooLarge
        /// A redirect pointed into a loopback, private or link-local address (see `AddressPolicy`).
        case redirectToInternalAddress
        /// The run's time budget (`EngineConfiguration.deadline`) ran out before the request could be sent.
        case outOfTime
        case invalidResponse
        case cancelled
        case other
    }

    public var kind: Kind
    /// libcurl's CURLcode, when the failure came from libcurl.
    public var curlCode: Int?
    public var message: String
    /// The redirects followed before the failure, so that a dead end reached through a redirect
    /// still shows the way there.
    public var redirects: [Redirect]

    public init(_ kind: Kind, curlCode: Int? = nil, message: String, redirects: [Redirect] = []) {
        self.kind = kind
        self.curlCode = curlCode
        // A message may quote what a server sent, and a server may echo a credential.
        self.message = Redaction.redact(message)
        self.redirects = redirects
    }

    /// A request not sent because the run's time budget ran out.
    public static let outOfTime = HTTPFailure(
        .outOfTime, message: "not sent: the run's time budget (--max-time) ran out")

    /// Whether trying again later may succeed.
    public var isTransient: Bool {
        switch kind {
        case .connectionRefused, .connectionReset, .timeout, .invalidResponse, .other: true
        default: false
        }
    }
}

/// Anything that can perform requests: the libcurl engine in production, scripted fakes in tests.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse
}
