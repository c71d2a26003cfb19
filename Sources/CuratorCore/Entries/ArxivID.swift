/// An arXiv identifier: the paper, and the version when one was written.
///
/// Two schemes exist. New-style ids (since April 2007) are `YYMM.NNNN` (until 2014) or
/// `YYMM.NNNNN`; old-style ids are `archive[.SUBJECT]/YYMMNNN`, such as `hep-th/9901001` or
/// `math.GT/0309136`. Either may carry a version `vN`. Equality, hashing and order use the base id
/// only (its `key`), because a list cites a paper, not one of its versions.
public struct ArxivID: TextIdentifier {
    public static let writtenForm = "an arXiv id"

    /// The id without a version, e.g. `2409.13652` or `hep-th/9901001`.
    public let base: String
    /// The version number written in the source, if any.
    public let version: Int?
    public var key: String { base }

    /// Reads an id as people write it: bare (`2409.13652`, `2409.13652v2`, `hep-th/9901001v1`),
    /// after an `arXiv:` prefix in any case, or as an abstract, PDF or HTML link (`Link`), with or
    /// without its scheme. Spaces around it are ignored.
    public init?(_ text: String) {
        guard let id = text.withUTF8Bytes(Self.read(text:)) else { return nil }
        self = id
    }

    /// The paper an arXiv link names (`Link`); nil for any other URL, and for a broken arXiv link.
    public init?(url: String) {
        guard let id = Link(url: url)?.id else { return nil }
        self = id
    }

    /// `init(_:)` on the text's bytes.
    private static func read(text: UTF8Bytes) -> ArxivID? {
        var rest = text
        while let first = rest.first, isSpace(first) { rest.removeFirst() }
        while let last = rest.last, isSpace(last) { rest.removeLast() }
        _ = rest.dropPrefixIgnoringASCIICase("arxiv:")
        if let link = Link(rest, schemeRequired: false) { return link.id }
        return read(rest)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private init(base: String, version: Int?) {
        self.base = base
        self.version = version
    }

    /// The same paper without a version.
    public var unversioned: ArxivID { ArxivID(base: base, version: nil) }

    /// The id as written for the API and for links: the base plus `vN` when a version is known.
    public var description: String {
        if let version { "\(base)v\(version)" } else { base }
    }

    /// The paper's abstract page, which always shows its latest version: the one form of link
    /// the list uses for a paper.
    public var abstractURL: String { "https://arxiv.org/abs/\(base)" }
}

extension ArxivID {
    /// A link to an arXiv paper's page: a scheme such as `https://` (optional only where
    /// `ArxivID(_:)` reads text), the host `arxiv.org`, `www.arxiv.org` or `export.arxiv.org` in
    /// any case, then `abs/`, `pdf/` or `html/` and the id, with an optional `.pdf` suffix, a
    /// trailing `/`, a query and a fragment.
    ///
    /// A link of this shape whose id is not one (`abs/12/3456789`, `abs/2407.11681mini`, or
    /// `ABS/...`, since arXiv's paths are lowercase) still points at arXiv, at no paper: it is a
    /// broken link, and its `id` is nil.
    public struct Link: Sendable, Hashable {
        /// Which page of the paper the link opens: its abstract, its PDF or its HTML version.
        public enum View: Sendable, CaseIterable {
            case abstract, pdf, html

            /// The first piece of the page's path.
            var name: StaticString {
                switch self {
                case .abstract: "abs"
                case .pdf: "pdf"
                case .html: "html"
                }
            }
        }

        public let view: View
        /// The host, lowercased: `arxiv.org`, `www.arxiv.org` or `export.arxiv.org`.
        public let host: String
        /// The scheme, lowercased (`https`, `http`, ...); nil when the text has none.
        public let scheme: String?
        /// The paper, nil when what follows the view is no arXiv id.
        public let id: ArxivID?

        private static let hosts: [StaticString] = ["arxiv.org", "www.arxiv.org", "export.arxiv.org"]
        private static let views = View.allCases
        private static let commonSchemes: [StaticString] = ["https", "http"]

        /// Reads a link with its scheme; nil for a URL that is no arXiv paper page.
        public init?(url: String) {
            guard let link = url.withUTF8Bytes({ Link($0, schemeRequired: true) }) else { return nil }
            self = link
        }

        init?(_ text: UTF8Bytes, schemeRequired: Bool) {
            var rest = text
            let schemeEnd = rest.firstIndex { !($0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "+")) }
            if let schemeEnd, schemeEnd != rest.startIndex, rest.first?.isASCIILetter == true,
                rest[schemeEnd...].starts(with: "://")
            {
                let name = rest[..<schemeEnd]
                scheme =
                    Self.commonSchemes.first(where: name.equalsIgnoringASCIICase)?.description
                    ?? name.string.lowercased()
                rest = rest[schemeEnd...].dropFirst(3)
            } else if schemeRequired {
                return nil
            } else {
                scheme = nil
            }
            guard let hostEnd = rest.firstIndex(of: UInt8(ascii: "/")),
                let host = Self.hosts.first(where: rest[..<hostEnd].equalsIgnoringASCIICase)
            else { return nil }
            self.host = host.description
            var path = rest[rest.index(after: hostEnd)...]
            if let end = path.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                path = path[..<end]
            }
            while path.first == UInt8(ascii: "/") { path.removeFirst() }
            guard let viewEnd = path.firstIndex(of: UInt8(ascii: "/")),
                let view = Self.views.first(where: { path[..<viewEnd].equalsIgnoringASCIICase($0.name) })
            else { return nil }
            self.view = view
            var id = path[path.index(after: viewEnd)...]
            if id.last == UInt8(ascii: "/") { id.removeLast() }
            if id.count > 4, id.hasSuffix(".pdf") { id.removeLast(4) }
            // arXiv serves its pages under lowercase paths only.
            let isLowercase = path[..<viewEnd].equals(view.name)
            self.id = isLowercase ? ArxivID.read(id) : nil
        }
    }

    /// A bare id with its optional version, nothing before or after it.
    private static func read(_ text: UTF8Bytes) -> ArxivID? {
        var base = text
        var version: Int?
        if let v = text.lastIndex(of: UInt8(ascii: "v")) {
            let digits = text[text.index(after: v)...]
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit),
                let number = Int(digits.string)
            {
                version = number
                base = text[..<v]
            }
        }
        guard isNewStyle(base) || isOldStyle(base) else { return nil }
        return ArxivID(base: base.string, version: version)
    }

    /// `YYMM.NNNN` or `YYMM.NNNNN`. arXiv answers `400 incorrect id format` for a month above 12
    /// (`1234.1234`) but treats `0000.0000` and a five-digit number before 2015 (`0808.05394`) as
    /// well-formed ids that simply have no paper, so this check does too.
    private static func isNewStyle(_ text: UTF8Bytes) -> Bool {
        guard text.count == 9 || text.count == 10 else { return false }
        var month = 0
        for (offset, byte) in text.enumerated() {
            if offset == 4 {
                guard byte == UInt8(ascii: ".") else { return false }
                continue
            }
            guard byte.isASCIIDigit else { return false }
            if offset == 2 || offset == 3 { month = month * 10 + Int(byte - UInt8(ascii: "0")) }
        }
        return month <= 12
    }

    /// `archive/YYMMNNN` or `archive.SUBJECT/YYMMNNN`: an archive of lowercase letters and
    /// hyphens (`hep-th`, `cond-mat`), a subject class of letters and hyphens (`GT`, `acc-ph`).
    private static func isOldStyle(_ text: UTF8Bytes) -> Bool {
        guard let slash = text.firstIndex(of: UInt8(ascii: "/")) else { return false }
        let number = text[text.index(after: slash)...]
        guard number.count == 7, number.allSatisfy(\.isASCIIDigit) else { return false }
        let name = text[..<slash]
        let dot = name.firstIndex(of: UInt8(ascii: ".")) ?? name.endIndex
        let archive = name[..<dot]
        guard archive.first?.isASCIILowercase == true,
            archive.allSatisfy({ $0.isASCIILowercase || $0 == UInt8(ascii: "-") })
        else { return false }
        guard dot != name.endIndex else { return true }
        let subject = name[name.index(after: dot)...]
        return subject.first?.isASCIILetter == true
            && subject.allSatisfy { $0.isASCIILetter || $0 == UInt8(ascii: "-") }
    }
}
