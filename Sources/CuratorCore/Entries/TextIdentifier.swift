/// An identifier that is written as text (`2409.13652v2`, `NVlabs/MaskLLM`): coded as its
/// `description`, and compared, hashed and ordered by `key`, which two spellings of the same
/// thing share.
public protocol TextIdentifier: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// What the text is when it is one, for the error about text that is not: `an arXiv id`.
    static var writtenForm: String { get }

    /// Reads the identifier as written; nil when the text is none.
    init?(_ text: String)

    var key: String { get }
}

extension TextIdentifier {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.key < rhs.key }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let identifier = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not \(Self.writtenForm): \(text)"))
        }
        self = identifier
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
