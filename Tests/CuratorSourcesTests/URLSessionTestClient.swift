import CuratorHTTP
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A test-only `HTTPClient` over URLSession, so the clients can talk to the loopback doubles
/// before the libcurl engine lands on this branch.
///
/// URLSession follows redirects and caches responses on its own; both are switched off so that
/// the clients' own handling of 301 and 304 is what the tests exercise.
final class URLSessionTestClient: HTTPClient {
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = [:]
        session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
    }

    func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        guard let url = URL(string: request.url) else {
            throw HTTPFailure(.malformedURL, message: "bad URL \(request.url)")
        }
        var urlRequest = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.totalTimeout)
        urlRequest.httpMethod = request.method.rawValue
        for header in request.headers.fields {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if let body = request.body { urlRequest.httpBody = Data(body) }
        let result: Result<(Data, URLResponse), any Error> = await withCheckedContinuation { continuation in
            session.dataTask(with: urlRequest) { data, response, error in
                if let error {
                    continuation.resume(returning: .failure(error))
                } else if let response {
                    continuation.resume(returning: .success((data ?? Data(), response)))
                } else {
                    continuation.resume(returning: .failure(URLError(.badServerResponse)))
                }
            }.resume()
        }
        switch result {
        case .failure(let error):
            let code = (error as? URLError)?.code
            let kind: HTTPFailure.Kind =
                switch code {
                case .timedOut?: .timeout
                case .cannotConnectToHost?: .connectionRefused
                case .networkConnectionLost?: .connectionReset
                default: .other
                }
            throw HTTPFailure(kind, message: "\(error.localizedDescription)")
        case .success(let (data, response)):
            guard let http = response as? HTTPURLResponse else {
                throw HTTPFailure(.invalidResponse, message: "not HTTP")
            }
            var headers = HTTPHeaders()
            for (name, value) in http.allHeaderFields {
                headers.add("\(name)", "\(value)")
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data), url: request.url)
        }
    }
}

/// Declines every redirect so the 3xx response itself reaches the client under test.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
