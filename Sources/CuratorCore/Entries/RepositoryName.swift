/// A GitHub repository's `owner/name`. GitHub resolves names without regard to case, so equality,
/// hashing and order use `key` (the name lowercased, see `TextIdentifier`), while `owner` and
/// `name` keep the spelling they were written with, for messages and fixes.
public struct RepositoryName: TextIdentifier {
    public static let writtenForm = "owner/name"

    public let owner: String
    public let name: String
    /// `owner/name` lowercased: what GitHub compares.
    public let key: String

    /// Nil unless both parts are names GitHub allows: letters, digits, `-`, `_` and `.`, at most
    /// 100 of them, not `.` or `..`. This also keeps them safe to place inside a GraphQL string
    /// literal and a URL path without escaping.
    public init?(owner: String, name: String) {
        guard owner.withUTF8Bytes(Self.isValidPart), name.withUTF8Bytes(Self.isValidPart) else { return nil }
        self.init(validOwner: owner, name: name)
    }

    /// Reads `owner/name`, or a github.com link with or without its scheme; what may follow the
    /// name is what `init(url:)` allows.
    public init?(_ text: String) {
        guard
            let name = text.withUTF8Bytes({ text -> RepositoryName? in
                var rest = text
                let hasScheme =
                    rest.dropPrefixIgnoringASCIICase("https://") || rest.dropPrefixIgnoringASCIICase("http://")
                let hasHost =
                    rest.dropPrefixIgnoringASCIICase("github.com/")
                    || rest.dropPrefixIgnoringASCIICase("www.github.com/")
                return hasHost || !hasScheme ? Self.read(path: rest) : nil
            })
        else { return nil }
        self = name
    }

    /// Reads a link to a repository or a page inside it: `http(s)://(www.)github.com/OWNER/REPO`
    /// (host and scheme in any case), then `.git`, `/...`, `?...` or `#...`.
    public init?(url: String) {
        guard
            let name = url.withUTF8Bytes({ url -> RepositoryName? in
                var rest = url
                guard rest.dropPrefixIgnoringASCIICase("https://") || rest.dropPrefixIgnoringASCIICase("http://"),
                    rest.dropPrefixIgnoringASCIICase("github.com/")
                        || rest.dropPrefixIgnoringASCIICase("www.github.com/")
                else { return nil }
                return Self.read(path: rest)
            })
        else { return nil }
        self = name
    }

    /// Reads the repository a shields.io star badge shows: `.../github/stars/OWNER/REPO.svg?...`.
    public init?(starBadgeURL url: String) {
        guard let name = url.withUTF8Bytes(Self.read(starBadgeURL:)) else { return nil }
        self = name
    }

    private static func read(starBadgeURL url: UTF8Bytes) -> RepositoryName? {
        let marker: StaticString = "/github/stars/"
        guard let found = url.indices.first(where: { url[$0...].starts(with: marker) }) else { return nil }
        var rest = url[(found + marker.utf8CodeUnitCount)...]
        if let query = rest.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        var name = rest[(slash + 1)...]
        if let end = name.firstIndex(of: UInt8(ascii: "/")) { name = name[..<end] }
        if name.hasSuffix(".svg") { name.removeLast(4) }
        return read(owner: rest[..<slash], name: name)
    }

    /// `OWNER/REPO` followed by nothing, `.git`, or a `/`, `?` or `#` and anything.
    private static func read(path: UTF8Bytes) -> RepositoryName? {
        guard let slash = path.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        var name = path[(slash + 1)...]
        if let end = name.firstIndex(where: {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        }) {
            name = name[..<end]
        }
        if name.hasSuffix(".git") { name.removeLast(4) }
        return read(owner: path[..<slash], name: name)
    }

    private static func read(owner: UTF8Bytes, name: UTF8Bytes) -> RepositoryName? {
        guard isValidPart(owner), isValidPart(name) else { return nil }
        return RepositoryName(validOwner: owner.string, name: name.string)
    }

    private init(validOwner owner: String, name: String) {
        self.owner = owner
        self.name = name
        key = "\(owner)/\(name)".lowercased()
    }

    public var description: String { "\(owner)/\(name)" }
    public var url: String { "https://github.com/\(owner)/\(name)" }

    /// The star badge image URL for this repository from a ruleset's template, whose `{owner}`
    /// and `{repo}` are filled in (in that order, as the list's template is written).
    public func starBadgeImage(template: String) -> String {
        template.replacingEvery("{owner}", with: owner).replacingEvery("{repo}", with: name)
    }

    private static func isValidPart(_ part: UTF8Bytes) -> Bool {
        !part.isEmpty && part.count <= 100 && !part.equals(".") && !part.equals("..")
            && part.allSatisfy {
                $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                    || $0 == UInt8(ascii: ".")
            }
    }
}

extension RepositoryName {
    /// `url`, a github.com link or a shields.io star badge, naming `target` instead of the
    /// repository it names now; nil when the URL names no repository. Whatever follows the
    /// repository's name (a path, `.svg`, a query) is kept, so a badge keeps its style.
    public static func rewrite(_ url: String, to target: RepositoryName) -> String? {
        let lowered = url.lowercased()
        let marker: Range<String.Index>
        if lowered.contains("/github/stars/"), let found = url.range(of: "/github/stars/") {
            marker = found
        } else if let found = lowered.range(of: "github.com/") {
            marker = Range(
                uncheckedBounds: (
                    url.index(
                        url.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: found.lowerBound)),
                    url.index(
                        url.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: found.upperBound))
                ))
        } else {
            return nil
        }
        let rest = url[marker.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let nameStart = rest.index(after: slash)
        var nameEnd = rest[nameStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        for suffix in [".svg", ".git"] where rest[nameStart..<nameEnd].hasSuffix(suffix) {
            nameEnd = rest.index(nameEnd, offsetBy: -suffix.count)
        }
        guard nameStart < nameEnd else { return nil }
        return String(url[..<marker.upperBound]) + "\(target.owner)/\(target.name)" + String(rest[nameEnd...])
    }
}
