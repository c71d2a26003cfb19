import CuratorHTTP

/// Answers the first requests from a script (a canned response or a transport failure), then
/// passes the rest to a real client. Used where a double cannot produce the case on the wire.
actor ScriptedClient: HTTPClient {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(HTTPFailure)
    }

    private var steps: [Step]
    private let wrapped: any HTTPClient
    private(set) var attempts = 0
    private(set) var sent: [HTTPRequest] = []

    init(steps: [Step], then wrapped: any HTTPClient) {
        self.steps = steps
        self.wrapped = wrapped
    }

    func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        attempts += 1
        sent.append(request)
        guard !steps.isEmpty else { return try await wrapped.send(request) }
        switch steps.removeFirst() {
        case .respond(let response): return response
        case .fail(let failure): throw failure
        }
    }
}
