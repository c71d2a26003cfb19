import CuratorCore
import Foundation

/// A shields.io static badge URL, `https://img.shields.io/badge/<parts>[?query]`, read the way
/// shields.io reads it: a single dash separates parts, `--` is a literal dash, `_` is a space and
/// `__` a literal underscore.
struct StaticBadge {
    /// One dash-separated part: its text as written and its UTF-8 byte range within the URL.
    struct Part {
        var raw: String
        var range: Range<Int>

        /// The text shields.io shows for the part.
        var shown: String { StaticBadge.decode(raw) }
    }

    var parts: [Part]
    /// UTF-8 offsets within the URL of the single dashes that separate the parts.
    var separators: [Int]

    static let prefixes = ["https://img.shields.io/badge/", "http://img.shields.io/badge/"]

    init?(url: String) {
        guard let prefix = StaticBadge.prefixes.first(where: { url.hasPrefix($0) }) else { return nil }
        let bytes = Array(url.utf8)
        var end = prefix.utf8.count
        while end < bytes.count, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
        var parts: [Part] = []
        var separators: [Int] = []
        var start = prefix.utf8.count
        var index = start
        while index < end {
            guard bytes[index] == UInt8(ascii: "-") else {
                index += 1
                continue
            }
            if index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") {
                index += 2
                continue
            }
            parts.append(Part(raw: String(decoding: bytes[start..<index], as: UTF8.self), range: start..<index))
            separators.append(index)
            index += 1
            start = index
        }
        parts.append(Part(raw: String(decoding: bytes[start..<end], as: UTF8.self), range: start..<end))
        self.parts = parts
        self.separators = separators
    }

    /// The text a part shows: percent escapes resolved, then shields.io's dash and underscore rules.
    static func decode(_ raw: String) -> String {
        // Most parts are plain words (`Conference`, `blue`): nothing to resolve, and no need to
        // go through Foundation's percent decoding for them.
        guard
            raw.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return raw }
        let unescaped = percentDecoded(raw) ?? raw
        var result = ""
        var characters = Array(unescaped)[...]
        while let character = characters.popFirst() {
            if (character == "-" || character == "_"), characters.first == character {
                characters.removeFirst()
                result.append(character)
            } else {
                result.append(character == "_" ? " " : character)
            }
        }
        return result
    }

    /// `text` with its `%XX` escapes resolved, nil when an escape is broken or the bytes are not
    /// UTF-8: what Foundation's `removingPercentEncoding` answers, without the trip through
    /// `NSString` that made the first badge of a run cost more than all the others.
    static func percentDecoded(_ text: String) -> String? {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    return nil
                }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// Writes shown text as a badge part in the list's own spelling: `%20` for a space, `--` for a
    /// dash and `__` for an underscore.
    static func encode(_ shown: String) -> String {
        var result = ""
        for character in shown {
            switch character {
            case " ": result += "%20"
            case "-": result += "--"
            case "_": result += "__"
            default: result.append(character)
            }
        }
        return result
    }

    /// The ruleset's shape for a badge that is a venue or type badge, with the number of parts the
    /// list writes it in. A badge whose alt text is the venue badges' (`Publish`) counts as a venue
    /// badge even when its URL does not match, since that is the badge the contributor meant.
    static func shape(of badge: Badge, in ruleset: Ruleset) -> (kind: BadgeKind, shape: BadgeShape)? {
        if let venue = ruleset.badges?.venue, badge.kind == .venue || (venue.alt != nil && badge.alt == venue.alt) {
            return (.venue, venue)
        }
        if badge.kind == .type, let type = ruleset.badges?.type { return (.type, type) }
        return nil
    }
}

/// Where a badge's image URL sits in the file, when the bytes there are exactly the URL, so that
/// offsets into the URL are offsets into the file.
enum BadgeSource {
    static func imageURLStart(of badge: Badge, in file: String, context: LintContext) -> Int? {
        guard let range = badge.imageURLRange, context.source(range, in: file, spells: badge.imageURL) else {
            return nil
        }
        return range.lowerBound
    }

    static func linkURLStart(of badge: Badge, in file: String, context: LintContext) -> Int? {
        guard let range = badge.linkURLRange, context.source(range, in: file, spells: badge.linkURL) else { return nil }
        return range.lowerBound
    }
}
