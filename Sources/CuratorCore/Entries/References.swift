/// An arXiv identifier found in a URL: `arxiv.org/abs/2409.13652v2`, `/pdf/2409.13652.pdf`,
/// `/html/...`, and old-style ids such as `hep-th/9901001`.
public struct ArxivReference: Sendable, Hashable {
    /// The identifier without version.
    public var id: String
    public var version: Int?
    /// `abs`, `pdf` or `html`.
    public var view: String
    public var host: String

    public init?(url: String) {
        // Every link of every entry passes through here, twice (extraction and arxiv-link). An
        // ASCII URL is read from its bytes in place, making strings only for an arXiv link;
        // anything else takes the general path below, which reads characters as Swift does.
        var url = url
        if let fast = url.withUTF8({ ArxivReference.readASCII($0) }) {
            guard let reference = fast else { return nil }
            self = reference
            return
        }
        self.init(general: url)
    }

    private init(id: String, version: Int?, view: String, host: String) {
        self.id = id
        self.version = version
        self.view = view
        self.host = host
    }

    /// The reference in an all-ASCII URL: `.some(nil)` when it names none, nil when the URL is
    /// not ASCII and the general path must decide.
    private static func readASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ArxivReference?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lowered(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        func equal(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount
                && zip(range, 0..<range.count).allSatisfy { lowered(bytes[$0]) == text.utf8Start[$1] }
        }
        guard let schemeEnd = schemeEnd(in: bytes) else { return .some(nil) }
        let hostStart = schemeEnd + 3
        let hostEnd = bytes[hostStart...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        let hostRange = hostStart..<hostEnd
        guard
            equal(hostRange, "arxiv.org") || equal(hostRange, "www.arxiv.org") || equal(hostRange, "export.arxiv.org"),
            hostEnd < bytes.count
        else { return .some(nil) }
        let pathEnd =
            bytes[hostEnd...].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
        // The path cut as `split(separator: "/", maxSplits: 1)` cuts it: leading slashes
        // skipped, then the view up to the next slash, then everything after that slash.
        var pathStart = hostEnd + 1
        while pathStart < pathEnd, bytes[pathStart] == UInt8(ascii: "/") { pathStart += 1 }
        guard let viewEnd = bytes[pathStart..<pathEnd].firstIndex(of: UInt8(ascii: "/")) else { return .some(nil) }
        let view = String(decoding: bytes[pathStart..<viewEnd], as: UTF8.self)
        guard ["abs", "pdf", "html"].contains(view), viewEnd + 1 < pathEnd else { return .some(nil) }
        guard let (identifier, version) = asciiIdentifier(UnsafeBufferPointer(rebasing: bytes[(viewEnd + 1)..<pathEnd]))
        else { return .some(nil) }
        return .some(
            ArxivReference(
                id: identifier, version: version, view: view,
                host: String(decoding: bytes[hostRange], as: UTF8.self).lowercased()))
    }

    init?(general url: String) {
        let bytes = Array(url.utf8)
        guard let schemeEnd = ArxivReference.find(Array("://".utf8), in: bytes, from: 0) else { return nil }
        let hostStart = schemeEnd + 3
        let hostEnd = bytes[hostStart...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        let host = String(decoding: bytes[hostStart..<hostEnd], as: UTF8.self).lowercased()
        guard host == "arxiv.org" || host == "www.arxiv.org" || host == "export.arxiv.org", hostEnd < bytes.count else {
            return nil
        }
        var pathEnd = bytes.count
        if let cut = bytes[hostEnd...].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            pathEnd = cut
        }
        let path = String(decoding: bytes[(hostEnd + 1)..<pathEnd], as: UTF8.self)
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["abs", "pdf", "html"].contains(parts[0]) else { return nil }
        guard let (identifier, version) = ArxivReference.identifier(parts[1]) else { return nil }
        self.id = identifier
        self.version = version
        self.view = parts[0]
        self.host = host
    }

    /// The identifier and version in what follows `abs/`, `pdf/` or `html/`: a trailing slash
    /// and `.pdf` dropped, `vN` split off; nil when what is left is no arXiv identifier.
    private static func identifier(_ raw: String) -> (id: String, version: Int?)? {
        var identifier = raw
        if identifier.hasSuffix("/") { identifier.removeLast() }
        if identifier.hasSuffix(".pdf") { identifier.removeLast(4) }
        var version: Int?
        if let v = identifier.lastIndex(of: "v"), let number = Int(identifier[identifier.index(after: v)...]),
            identifier[..<v].last?.isNumber == true
        {
            version = number
            identifier = String(identifier[..<v])
        }
        guard isWellFormed(identifier) else { return nil }
        return (identifier, version)
    }

    /// `identifier(_:)` on ASCII bytes, read in place: only the identifier found becomes a string.
    private static func asciiIdentifier(_ raw: UnsafeBufferPointer<UInt8>) -> (id: String, version: Int?)? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var end = raw.count
        if end > 0, raw[end - 1] == UInt8(ascii: "/") { end -= 1 }
        if end >= 4, raw[(end - 4)..<end].elementsEqual(".pdf".utf8) { end -= 4 }
        var version: Int?
        if let v = raw[..<end].lastIndex(of: UInt8(ascii: "v")), v > 0, isDigit(raw[v - 1]),
            let number = Int(String(decoding: raw[(v + 1)..<end], as: UTF8.self))
        {
            version = number
            end = v
        }
        let id = raw[..<end]
        let wellFormed: Bool
        if let dot = id.firstIndex(of: UInt8(ascii: ".")), dot == 4 {
            wellFormed =
                id[..<dot].allSatisfy(isDigit) && (4...5).contains(end - dot - 1)
                && id[(dot + 1)...].allSatisfy(isDigit)
        } else {
            wellFormed = false
        }
        guard wellFormed || isWellFormedOldStyle(id) else { return nil }
        return (String(decoding: id, as: UTF8.self), version)
    }

    /// `archive(.subject)/YYMMNNN`, as `isWellFormed` reads it: two pieces between slashes (empty
    /// ones skipped), the second seven digits.
    private static func isWellFormedOldStyle(_ id: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let pieces = id.split(separator: UInt8(ascii: "/"))
        return pieces.count == 2 && pieces[1].count == 7
            && pieces[1].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Where the first `://` starts, read in place.
    private static func schemeEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3)
        where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/")
            && bytes[index + 2] == UInt8(ascii: "/")
        {
            return index
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// New-style `YYMM.NNNNN` or old-style `archive(.subject)/YYMMNNN`.
    static func isWellFormed(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot == 4,
            bytes[..<dot].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            (4...5).contains(bytes.count - dot - 1),
            bytes[(dot + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 })
        {
            return true
        }
        let pieces = id.split(separator: "/")
        return pieces.count == 2 && pieces[1].count == 7 && pieces[1].allSatisfy(\.isNumber)
            && pieces[0].allSatisfy { $0.isLetter || $0 == "-" || $0 == "." }
    }

    /// The canonical abstract page.
    public var canonicalURL: String { "https://arxiv.org/abs/\(id)" }
}

/// A GitHub repository named by a URL.
public struct RepositoryReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var owner: String
    public var name: String

    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Reads `https://github.com/OWNER/REPO[/...]`.
    public init?(url: String) {
        // Every code link of every entry passes through here, so the prefix is matched on bytes,
        // ignoring ASCII case, before any string is built.
        let bytes = Array(url.utf8)
        guard
            let prefix = ["https://github.com/", "http://github.com/", "https://www.github.com/"].first(where: {
                RepositoryReference.hasPrefixIgnoringCase(bytes, Array($0.utf8))
            })
        else { return nil }
        let start = prefix.utf8.count
        guard let ownerEnd = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        var repoEnd =
            bytes[(ownerEnd + 1)...].firstIndex {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
            }
            ?? bytes.count
        if repoEnd - (ownerEnd + 1) >= 4, bytes[(repoEnd - 4)..<repoEnd].elementsEqual(".git".utf8) { repoEnd -= 4 }
        guard let owner = RepositoryReference.name(bytes[start..<ownerEnd]),
            let repo = RepositoryReference.name(bytes[(ownerEnd + 1)..<repoEnd])
        else { return nil }
        self.owner = owner
        self.name = repo
    }

    /// Reads the repository a shields.io star badge shows: `.../github/stars/OWNER/REPO.svg?...`.
    public init?(starBadgeURL url: String) {
        let bytes = Array(url.utf8)
        let marker = Array("/github/stars/".utf8)
        guard let found = ArxivReference.find(marker, in: bytes, from: 0) else { return nil }
        let start = found + marker.count
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        guard let ownerEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        var repoEnd = bytes[(ownerEnd + 1)..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
        if repoEnd - (ownerEnd + 1) >= 4, bytes[(repoEnd - 4)..<repoEnd].elementsEqual(".svg".utf8) { repoEnd -= 4 }
        guard let owner = RepositoryReference.name(bytes[start..<ownerEnd]),
            let repo = RepositoryReference.name(bytes[(ownerEnd + 1)..<repoEnd])
        else { return nil }
        self.owner = owner
        self.name = repo
    }

    /// The bytes as a name when they are one of GitHub's name characters only.
    private static func name(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy(isNameByte) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hasPrefixIgnoringCase(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for (byte, wanted) in zip(bytes, prefix) where byte != wanted {
            let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
            if lower != wanted { return false }
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isNameByte)
    }

    /// GitHub compares names case-insensitively.
    public var key: String { "\(owner)/\(name)".lowercased() }
    public var description: String { "\(owner)/\(name)" }
    public var url: String { "https://github.com/\(owner)/\(name)" }

    /// The star badge image URL for this repository from a ruleset's template, whose `{owner}`
    /// and `{repo}` are filled in (in that order, as the list's template is written).
    public func starBadgeImage(template: String) -> String {
        template.replacingEvery("{owner}", with: owner).replacingEvery("{repo}", with: name)
    }
}

/// Reduces titles so that copies differing only in case, punctuation or spacing compare equal.
public enum TitleNormalizer {
    public static func normalize(_ title: String) -> String {
        var pendingSpace = false
        // Most titles are ASCII: fold them byte by byte, straight into the new string's storage
        // (it is never longer than the title), and ask Unicode only about the rest.
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: title.utf8.count) { result in
                var count = 0
                for byte in title.utf8 {
                    let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                    if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                        if pendingSpace && count > 0 {
                            result[count] = 32
                            count += 1
                        }
                        pendingSpace = false
                        result[count] = lower
                        count += 1
                    } else {
                        pendingSpace = true
                    }
                }
                return count
            }
        }
        var text = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return text
    }
}
