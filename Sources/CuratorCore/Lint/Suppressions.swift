import Foundation

/// Inline switches written as HTML comments, which GitHub does not render:
///
/// - `<!-- curator-disable-line RULE-ID ... -->` anywhere on a line silences those rules on that
///   line (a table row can carry it after its last pipe without breaking the table);
/// - `<!-- curator-disable-next-line RULE-ID ... -->` silences them on the following line;
/// - `<!-- curator-disable-file RULE-ID ... -->` silences them in the whole file.
///
/// Without rule ids, every rule is silenced.
public struct Suppressions: Sendable {
    private var lines: [Int: Set<String>] = [:]
    private var file: Set<String>? = nil

    static let everyRule = "*"

    public init(source: SourceText) {
        let bytes = source.bytes
        let opening = Array("<!-- curator-disable".utf8)
        var index = 0
        while index + opening.count <= bytes.count {
            // memchr finds the next `<` far faster than a byte loop; most lists have few.
            let next = bytes.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress,
                    let found = memchr(base + index, Int32(UInt8(ascii: "<")), buffer.count - index)
                else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            guard let next, next + opening.count <= bytes.count else { break }
            index = next
            guard bytes[index..<(index + opening.count)].elementsEqual(opening) else {
                index += 1
                continue
            }
            var end = index + opening.count
            while end + 2 < bytes.count,
                !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-")
                    && bytes[end + 2] == UInt8(ascii: ">"))
            {
                end += 1
            }
            let body = String(decoding: bytes[(index + 5)..<min(end, bytes.count)], as: UTF8.self)
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            let ids = Set(words.dropFirst().isEmpty ? [Suppressions.everyRule] : Array(words.dropFirst()))
            let line = source.line(ofByte: index)
            switch words.first {
            case "curator-disable-line": lines[line, default: []].formUnion(ids)
            case "curator-disable-next-line": lines[line + 1, default: []].formUnion(ids)
            case "curator-disable-file": file = (file ?? []).union(ids)
            default: break
            }
            index = end
        }
    }

    public func silences(_ ruleID: String, line: Int) -> Bool {
        if let file, file.contains(ruleID) || file.contains(Suppressions.everyRule) { return true }
        guard let ids = lines[line] else { return false }
        return ids.contains(ruleID) || ids.contains(Suppressions.everyRule)
    }
}
