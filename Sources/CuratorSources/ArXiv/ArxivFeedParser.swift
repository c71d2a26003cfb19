import CuratorCore
import Foundation

/// Reads both Atom dialects the arXiv API has served.
///
/// The current backend (since 2025-11-11) declares every namespace on `<feed>`, orders an
/// entry's children differently and uses `https` links. The 2016-era backend declared the
/// `arxiv:` and `opensearch:` namespaces again on each element, hard-wrapped titles and
/// summaries across lines and wrote dates with offsets such as `-04:00`. Parsing with namespace
/// processing on and matching by namespace URI plus local name makes the two dialects look the
/// same; collapsing whitespace undoes the wrapping.
public enum ArxivFeedParser {
    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"
    static let opensearch = "http://a9.com/-/spec/opensearch/1.1/"

    public static func parse(_ bytes: [UInt8]) throws(ArxivFeedParseError) -> ArxivFeed {
        let handler = FeedHandler()
        do throws(XMLEventParserError) {
            try XMLEventParser.parse(bytes, handler: handler)
        } catch {
            switch error {
            case .malformed(let code, let line, let message):
                throw .malformed(reason: "line \(line): \(message) (expat error \(code))")
            }
        }
        guard handler.sawFeed else { throw .notAFeed(reason: "no <feed> element") }
        // A parser that recovers from errors may report a cut-off document as read; a feed whose
        // closing tag never came may have lost entries, which must not read as unknown papers.
        guard handler.closedFeed else { throw .malformed(reason: "the feed ends before </feed>") }
        return handler.feed
    }

    /// Joins runs of whitespace (including the legacy format's line breaks) into single spaces.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

private final class FeedHandler: XMLEventHandler {
    var feed = ArxivFeed()
    var sawFeed = false
    var closedFeed = false
    private var entry: EntryDraft?
    private var author: ArxivAuthor?
    private var text = ""
    private let dates = ISO8601DateFormatter()

    func startElement(_ name: String, namespaceURI: String, attributes: [String: String]) {
        text = ""
        switch (namespaceURI, name) {
        case (ArxivFeedParser.atom, "feed"):
            sawFeed = true
        case (ArxivFeedParser.atom, "entry"):
            entry = EntryDraft()
        case (ArxivFeedParser.atom, "author") where entry != nil:
            author = ArxivAuthor(name: "")
        case (ArxivFeedParser.atom, "category") where entry != nil:
            if let term = attributes["term"] { entry?.categories.append(term) }
        case (ArxivFeedParser.arxiv, "primary_category") where entry != nil:
            entry?.primaryCategory = attributes["term"]
        case (ArxivFeedParser.atom, "link") where entry != nil:
            // The DOI also appears as a related link; the element `arxiv:doi` is preferred when both exist.
            if attributes["title"] == "doi", let href = attributes["href"], entry?.linkDOI == nil {
                entry?.linkDOI = Self.doi(fromLink: href)
            }
        default:
            break
        }
    }

    func characters(_ string: String) {
        text += string
    }

    func endElement(_ name: String, namespaceURI: String) {
        let value = ArxivFeedParser.collapse(text)
        text = ""
        switch (namespaceURI, name) {
        case (ArxivFeedParser.opensearch, "totalResults"):
            feed.totalResults = Int(value)
        case (ArxivFeedParser.atom, "feed"):
            closedFeed = entry == nil
        case (ArxivFeedParser.atom, "entry"):
            if let draft = entry { finish(draft) }
            entry = nil
        case (ArxivFeedParser.atom, "name") where author != nil:
            author?.name = value
        case (ArxivFeedParser.arxiv, "affiliation") where author != nil:
            author?.affiliations.append(value)
        case (ArxivFeedParser.atom, "author") where entry != nil:
            if let author { entry?.authors.append(author) }
            author = nil
        case (ArxivFeedParser.atom, "id") where entry != nil:
            entry?.id = value
        case (ArxivFeedParser.atom, "title") where entry != nil:
            entry?.title = value
        case (ArxivFeedParser.atom, "summary") where entry != nil:
            entry?.summary = value
        case (ArxivFeedParser.atom, "published") where entry != nil:
            entry?.published = dates.date(from: value)
        case (ArxivFeedParser.atom, "updated") where entry != nil:
            entry?.updated = dates.date(from: value)
        case (ArxivFeedParser.arxiv, "comment") where entry != nil:
            entry?.comment = value.isEmpty ? nil : value
        case (ArxivFeedParser.arxiv, "journal_ref") where entry != nil:
            entry?.journalRef = value.isEmpty ? nil : value
        case (ArxivFeedParser.arxiv, "doi") where entry != nil:
            entry?.doi = value.isEmpty ? nil : value
        default:
            break
        }
    }

    private func finish(_ draft: EntryDraft) {
        // Error entries carry an id under /api/errors and the message as their summary.
        if draft.id.contains("/api/errors") {
            feed.errors.append(ArxivFeedError(message: draft.summary))
            return
        }
        guard let id = ArxivID(draft.id) else { return }
        feed.papers.append(
            ArxivPaper(
                id: id, title: draft.title, authors: draft.authors, summary: draft.summary,
                published: draft.published, updated: draft.updated, comment: draft.comment,
                journalRef: draft.journalRef, doi: draft.doi ?? draft.linkDOI,
                primaryCategory: draft.primaryCategory ?? draft.categories.first, categories: draft.categories
            ))
    }

    private static func doi(fromLink href: String) -> String? {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"]
        where href.hasPrefix(prefix) {
            return String(href.dropFirst(prefix.count))
        }
        return nil
    }
}

/// An entry while its elements are still arriving.
private struct EntryDraft {
    var id = ""
    var title = ""
    var summary = ""
    var authors: [ArxivAuthor] = []
    var published: Date?
    var updated: Date?
    var comment: String?
    var journalRef: String?
    var doi: String?
    var linkDOI: String?
    var primaryCategory: String?
    var categories: [String] = []
}
