import CuratorHTTP
import Testing

@testable import CuratorSources

@Suite struct ArxivResponseKindTests {
    private static func response(status: Int) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [:], body: Array("<feed/>".utf8), url: "https://export.arxiv.org/api/query")
    }

    private static func notAFeed(_ bytes: [UInt8]) throws(ArxivFeedParseError) -> ArxivFeed {
        throw .notAFeed(reason: "no <feed> element")
    }

    @Test func aBodyThatIsNotAFeedIsStillWorthAskingAgainFor() {
        guard case .unavailable = ArxivResponseKind(Self.response(status: 200), parse: Self.notAFeed) else {
            Issue.record("not unavailable")
            return
        }
        guard case .unexpected = ArxivResponseKind(Self.response(status: 400), parse: Self.notAFeed) else {
            Issue.record("not unexpected")
            return
        }
    }
}
