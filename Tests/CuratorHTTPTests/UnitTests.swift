import Foundation
import Testing

@testable import CuratorHTTP

@Suite struct RetryAfterParsingTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func seconds() {
        #expect(RetryAfter.seconds(from: "120", now: now) == 120)
        #expect(RetryAfter.seconds(from: " 0 ", now: now) == 0)
    }

    @Test func allThreeDateForms() throws {
        let later = now.addingTimeInterval(30)
        let imf = RetryAfter.format(later)
        #expect(RetryAfter.seconds(from: imf, now: now) == 30)
        let epoch = Date(timeIntervalSince1970: 784_111_777)
        for form in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(RetryAfter.httpDate(form) == epoch, "\(form)")
        }
    }

    @Test func pastDatesAskForNoWaitAndNonsenseIsIgnored() {
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 0)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
        #expect(RetryAfter.seconds(from: "-5", now: now) == nil)
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesWithinJitterAndCap() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 5, jitter: 0.2)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            #expect((0.8...1.2).contains(policy.backoff(afterAttempt: 1, using: &generator)))
            #expect((1.6...2.4).contains(policy.backoff(afterAttempt: 2, using: &generator)))
            #expect(policy.backoff(afterAttempt: 10, using: &generator) <= 5)
        }
    }

    @Test func retryableStatuses() {
        let policy = RetryPolicy()
        #expect([429, 500, 502, 503, 504].allSatisfy(policy.isRetryable(status:)))
        #expect(![200, 301, 404, 410, 501, 505].contains(where: policy.isRetryable(status:)))
    }
}

@Suite struct CurlCodeMappingTests {
    @Test(arguments: [
        (6, HTTPFailure.Kind.dnsFailure), (7, .connectionRefused), (28, .timeout), (35, .tlsFailure),
        (60, .tlsFailure), (77, .tlsFailure), (91, .tlsFailure), (52, .connectionReset), (56, .connectionReset),
        (55, .connectionReset), (8, .invalidResponse), (3, .malformedURL), (63, .bodyTooLarge), (23, .other),
    ])
    func codes(code: Int, kind: HTTPFailure.Kind) {
        #expect(HTTPFailure.Kind(curlCode: code, abort: nil, connected: false) == kind)
    }

    @Test func abortsAndContext() {
        #expect(HTTPFailure.Kind(curlCode: 23, abort: .bodyTooLarge, connected: true) == .bodyTooLarge)
        #expect(HTTPFailure.Kind(curlCode: 23, abort: .headersTooLarge, connected: true) == .invalidResponse)
        #expect(HTTPFailure.Kind(curlCode: 1, abort: nil, connected: false) == .unsupportedScheme)
        #expect(HTTPFailure.Kind(curlCode: 1, abort: nil, connected: true) == .invalidResponse)
    }
}

@Suite struct URLRemapperTests {
    @Test func firstMatchingRuleRewritesWithCaptures() throws {
        let remapper = try URLRemapper(specs: [
            #"^https://github\.com/(.*) http://127.0.0.1:8080/gh/$1"#,
            #"^https://(.*) http://127.0.0.1:9/other/$1"#,
        ])
        #expect(remapper.remap("https://github.com/a/b") == "http://127.0.0.1:8080/gh/a/b")
        #expect(remapper.remap("https://arxiv.org/abs/1") == "http://127.0.0.1:9/other/arxiv.org/abs/1")
        #expect(remapper.remap("http://plain") == "http://plain")
    }

    @Test func invalidRegexIsNamed() {
        #expect(throws: URLRemapper.ParseError.self) { try URLRemapper(specs: ["^ok x", "(unclosed y"]) }
        do {
            _ = try URLRemapper(specs: ["(unclosed y"])
        } catch {
            guard case .invalidPattern(_, let pattern, _) = error else {
                Issue.record("expected invalidPattern, got \(error)")
                return
            }
            #expect(pattern == "(unclosed")
            #expect(error.description.contains("(unclosed"))
        }
    }

    @Test func specWithoutReplacementIsRejected() {
        #expect(throws: URLRemapper.ParseError.missingReplacement(spec: "^only-a-regex")) {
            try URLRemapper(specs: ["^only-a-regex"])
        }
    }
}

@Suite struct CurlURLTests {
    @Test func relativeLocationsResolve() throws {
        let base = try CurlURL.parse("http://h.test/a/b/c?q=1")
        #expect(try CurlURL.resolve("d", against: base).absolute == "http://h.test/a/b/d")
        #expect(try CurlURL.resolve("/x", against: base).absolute == "http://h.test/x")
        #expect(try CurlURL.resolve("//other.test/y", against: base).absolute == "http://other.test/y")
        #expect(try CurlURL.resolve("https://s.test/", against: base).host == "s.test")
    }
}
