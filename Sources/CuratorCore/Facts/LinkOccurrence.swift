/// One place in an entry where a URL that the network rules check is written.
///
/// The link checker and the network rules both walk entries through `Entry.checkableLinks`, so
/// the links that were fetched are exactly the links the rules can report on.
public struct LinkOccurrence: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The title's link.
        case title
        /// A labelled link such as `[Github](...)` or `[[Paper]](...)`.
        case link
        /// Where a badge links to.
        case badgeLink
        /// A star badge's image, which stands for the repository it shows.
        case starBadge
    }

    public var url: String
    /// The URL's bytes in the file, for fixes; nil when the parser could not place them.
    public var urlRange: Range<Int>?
    /// Where a finding about the URL points when `urlRange` is unknown.
    public var range: Range<Int>
    public var kind: Kind

    public init(url: String, urlRange: Range<Int>?, range: Range<Int>, kind: Kind) {
        self.url = url
        self.urlRange = urlRange
        self.range = range
        self.kind = kind
    }

    /// Where a finding about this URL points.
    public var offset: Int { urlRange?.lowerBound ?? range.lowerBound }

    /// Only web URLs are fetched; `mailto:`, anchors and relative paths are the offline rules' business.
    public static func isWebURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }
}

extension Entry.Fields {
    /// The web URLs of the entry that the network checks, in document order.
    ///
    /// Badge images other than star badges are left out: shields.io renders a static badge for any
    /// text, so fetching one proves nothing, while a star badge names a repository worth checking.
    public var checkableLinks: [LinkOccurrence] {
        var result: [LinkOccurrence] = []
        for badge in badges {
            if badge.kind == .star {
                result.append(
                    LinkOccurrence(
                        url: badge.imageURL, urlRange: badge.imageURLRange, range: badge.range, kind: .starBadge))
            }
            result.append(
                LinkOccurrence(url: badge.linkURL, urlRange: badge.linkURLRange, range: badge.range, kind: .badgeLink))
        }
        if let titleLink {
            result.append(
                LinkOccurrence(url: titleLink.url, urlRange: titleLink.urlRange, range: titleLink.range, kind: .title))
        }
        for link in links {
            result.append(LinkOccurrence(url: link.url, urlRange: link.urlRange, range: link.range, kind: .link))
        }
        return result.filter { LinkOccurrence.isWebURL($0.url) }.sorted { $0.offset < $1.offset }
    }
}
