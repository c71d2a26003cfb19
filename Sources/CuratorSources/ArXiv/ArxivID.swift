import Foundation

/// An arXiv identifier without its version, plus the version if one was written.
///
/// Two schemes exist. New-style ids (since April 2007) are `YYMM.NNNN` (until 2014) or
/// `YYMM.NNNNN`; old-style ids are `archive[.SUBJECT]/YYMMNNN`, for example `hep-th/9901001` or
/// `math.GT/0309136`. Either may carry a version suffix `vN`. Equality and hashing use the base id
/// only, because the list links to a paper, not to one of its versions.
public struct ArxivID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The id without a version, e.g. `2409.13652` or `hep-th/9901001`.
    public let base: String
    /// The version number written in the source, if any.
    public let version: Int?

    /// Parses a bare id (`2409.13652`, `2409.13652v2`, `hep-th/9901001v1`) or an arXiv URL
    /// (`/abs/`, `/pdf/` with or without `.pdf`, `/html/`, on `arxiv.org` or `export.arxiv.org`).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let candidate = Self.idPart(of: trimmed) else { return nil }
        guard let (base, version) = Self.split(candidate) else { return nil }
        self.base = base
        self.version = version
    }

    public init?(base: String, version: Int? = nil) {
        guard let parsed = ArxivID(base), parsed.version == nil else { return nil }
        self.base = parsed.base
        self.version = version
    }

    /// The same paper without a version.
    public var unversioned: ArxivID {
        ArxivID(validatedBase: base, version: nil)
    }

    /// The id as written for the API and for links: the base plus `vN` when a version is known.
    public var description: String {
        if let version { "\(base)v\(version)" } else { base }
    }

    public var isOldStyle: Bool { base.contains("/") }

    public var absURL: String { "https://arxiv.org/abs/\(description)" }

    public static func == (lhs: ArxivID, rhs: ArxivID) -> Bool { lhs.base == rhs.base }
    public func hash(into hasher: inout Hasher) { hasher.combine(base) }
    public static func < (lhs: ArxivID, rhs: ArxivID) -> Bool { lhs.base < rhs.base }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ArxivID(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an arXiv id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    init(validatedBase: String, version: Int?) {
        self.base = validatedBase
        self.version = version
    }

    /// Strips a URL down to the id, or returns bare text unchanged.
    private static func idPart(of text: String) -> String? {
        var rest = Substring(text)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        let hosts = ["www.arxiv.org/", "arxiv.org/", "export.arxiv.org/"]
        guard let host = hosts.first(where: { rest.lowercased().hasPrefix($0) }) else {
            return text.contains("://") ? nil : String(rest)
        }
        rest = rest.dropFirst(host.count)
        let kinds = ["abs/", "pdf/", "html/"]
        guard let kind = kinds.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(kind.count)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            rest = rest[..<cut]
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.lowercased().hasSuffix(".pdf") { rest = rest.dropLast(4) }
        return String(rest)
    }

    /// Checks the shape the API itself accepts. arXiv answers `400 incorrect id format` for a
    /// month above 12 (`1234.1234`) but treats `0000.0000` and a five-digit number before 2015
    /// (`0808.05394`) as well-formed ids that simply have no paper, so this check does too.
    private static func split(_ candidate: String) -> (String, Int?)? {
        let newStyle = /^(\d{4})\.(\d{4,5})(?:v(\d+))?$/
        let oldStyle = /^([a-z][a-z\-]*(?:\.[A-Z]{2})?)\/(\d{7})(?:v(\d+))?$/
        if let match = candidate.wholeMatch(of: newStyle) {
            let month = Int(match.1.suffix(2)) ?? 0
            guard month <= 12 else { return nil }
            return ("\(match.1).\(match.2)", match.3.flatMap { Int($0) })
        }
        if let match = candidate.wholeMatch(of: oldStyle) {
            return ("\(match.1)/\(match.2)", match.3.flatMap { Int($0) })
        }
        return nil
    }
}
