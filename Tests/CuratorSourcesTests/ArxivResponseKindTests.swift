import CuratorHTTP
import Testing

@testable import CuratorSources

@Suite struct ArxivResponseKindTests {
    private static func response(status: Int) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [:], body: Array("<feed/>".utf8), url: "https://export.arxiv.org/api/query")
    }

    private static func missingLibrary(_ bytes: [UInt8]) throws(ArxivFeedParseError) -> ArxivFeed {
        throw .parserUnavailable(reason: "libxml2.so.2: cannot open shared object file")
    }

    private static func notAFeed(_ bytes: [UInt8]) throws(ArxivFeedParseError) -> ArxivFeed {
        throw .notAFeed(reason: "no <feed> element")
    }

    /// A missing libxml2 is not the API's fault: asking again cannot help, so it is not `unavailable`.
    @Test(arguments: [200, 400])
    func aMissingParserMakesTheAnswerUnreadable(status: Int) {
        guard case .unreadable(let error) = ArxivResponseKind(Self.response(status: status), parse: Self.missingLibrary)
        else {
            Issue.record("not unreadable")
            return
        }
        #expect(error == .parserUnavailable(reason: "libxml2.so.2: cannot open shared object file"))
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
