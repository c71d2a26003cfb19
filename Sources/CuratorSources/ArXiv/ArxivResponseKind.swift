import CuratorHTTP
import Foundation

/// What an arXiv response means for the client, decided from its status and body.
enum ArxivResponseKind {
    /// `429 Rate exceeded.`, or the same plain-text body with status 200, which has been seen too.
    case throttled
    /// A server error, or a 200 whose body is not a feed at all: worth asking again later.
    case unavailable
    /// A 200 whose body is XML that does not parse, or a feed cut off before its end: a failed
    /// request, worth asking again, and never evidence that a paper is missing.
    case malformed(String)
    /// A 400 with the API's error feed, naming the offending id.
    case badRequest(ArxivFeed)
    case feed(ArxivFeed)
    case unexpected(String)

    init(_ response: HTTPResponse, parse: ([UInt8]) throws(ArxivFeedParseError) -> ArxivFeed) {
        let body = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if response.status == 429 || body == "Rate exceeded." {
            self = .throttled
            return
        }
        switch response.status {
        case 200:
            do throws(ArxivFeedParseError) {
                self = .feed(try parse(response.body))
            } catch {
                switch error {
                case .notAFeed: self = .unavailable
                case .malformed: self = .malformed(error.description)
                }
            }
        case 400:
            do throws(ArxivFeedParseError) {
                let feed = try parse(response.body)
                self = feed.errors.isEmpty ? .unexpected("400 without an error feed") : .badRequest(feed)
            } catch {
                self = .unexpected("400 without an error feed")
            }
        case 500...599:
            self = .unavailable
        default:
            self = .unexpected("status \(response.status)")
        }
    }
}
