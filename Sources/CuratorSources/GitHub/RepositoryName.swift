/// A repository's `owner/name` as written. GitHub resolves names case-insensitively, so equality
/// and hashing ignore case while `description` keeps the spelling.
public struct RepositoryName: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let owner: String
    public let name: String

    public init?(owner: String, name: String) {
        guard Self.isValidPart(owner), Self.isValidPart(name) else { return nil }
        self.owner = owner
        self.name = name
    }

    /// Accepts `owner/name` or a `github.com` URL (with or without scheme, `.git` or trailing parts).
    public init?(_ text: String) {
        var rest = Substring(text)
        for prefix in ["https://", "http://"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        for host in ["www.github.com/", "github.com/"] where rest.lowercased().hasPrefix(host) {
            rest = rest.dropFirst(host.count)
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        var name = String(parts[1])
        if name.hasSuffix(".git") { name.removeLast(4) }
        self.init(owner: String(parts[0]), name: name)
    }

    public var description: String { "\(owner)/\(name)" }

    private var key: String { description.lowercased() }

    public static func == (lhs: RepositoryName, rhs: RepositoryName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public static func < (lhs: RepositoryName, rhs: RepositoryName) -> Bool { lhs.key < rhs.key }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = RepositoryName(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not owner/name: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Owners and repository names use letters, digits, `-`, `_` and `.`; this also keeps them safe
    /// to place inside a GraphQL string literal and a URL path without escaping.
    private static func isValidPart(_ part: String) -> Bool {
        !part.isEmpty && part.count <= 100 && part != "." && part != ".."
            && part.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }
}
