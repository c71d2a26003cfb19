import CuratorCore

/// Byte-level answers to the questions the star badge rules ask of every badge, so that a badge in
/// the list's shape costs a few byte comparisons instead of parsed references, rendered templates
/// and lowercased strings. Each answer is the one the string code gives; where bytes cannot settle
/// it (text that is not ASCII, which Unicode may spell two ways), the caller asks the string code.
enum StarBadgeShape {
    /// Whether `url` is `https://github.com/OWNER/REPO` of `repository` without case, as comparing
    /// the lowercased strings says; nil when `url` is not ASCII and only that comparison can tell.
    static func linkIsRepositoryPage(_ url: String, of repository: RepositoryName) -> Bool? {
        var bytes = url.utf8[...]
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func consume(_ part: String) -> Bool {
            let count = part.utf8.count
            guard bytes.count >= count, equalIgnoringASCIICase(bytes.prefix(count), part.utf8) else { return false }
            bytes = bytes.dropFirst(count)
            return true
        }
        return consume("https://github.com/") && consume(repository.owner) && consume("/") && consume(repository.name)
            && bytes.isEmpty
    }

    /// Whether a name ends in `.git` without case.
    static func mayEndInGit(_ name: String) -> Bool {
        equalIgnoringASCIICase(name.utf8.suffix(4), ".git".utf8)
    }

    private static func equalIgnoringASCIICase<First: Collection<UInt8>, Second: Collection<UInt8>>(
        _ first: First, _ second: Second
    ) -> Bool {
        // Walked by index rather than zipped: a `Zip2Sequence` of these views is a generic type
        // the runtime builds on first use, which cost more than the comparisons.
        guard first.count == second.count else { return false }
        var left = first.startIndex
        var right = second.startIndex
        while left != first.endIndex {
            if lowercased(first[left]) != lowercased(second[right]) { return false }
            first.formIndex(after: &left)
            second.formIndex(after: &right)
        }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }

    /// The ruleset's star badge template, cut at its `{owner}` and `{repo}` placeholders once, so
    /// that an image URL is compared with the rendered template without rendering it.
    struct Template {
        private enum Piece {
            case literal([UInt8])
            case owner
            case repo
        }

        /// Nil when the template holds braces besides its placeholders, or text that is not ASCII:
        /// replacing one placeholder could then make or hide another, or Unicode could match a
        /// placeholder another way, so only rendering it as written tells the result.
        private let pieces: [Piece]?

        init(_ template: String) {
            var pieces: [Piece] = []
            var literal: [UInt8] = []
            var rest = template.utf8[...]
            while let byte = rest.first {
                if rest.starts(with: "{owner}".utf8) || rest.starts(with: "{repo}".utf8) {
                    if !literal.isEmpty { pieces.append(.literal(literal)) }
                    literal = []
                    let isOwner = rest.starts(with: "{owner}".utf8)
                    pieces.append(isOwner ? .owner : .repo)
                    rest = rest.dropFirst(isOwner ? 7 : 6)
                    continue
                }
                guard byte < 0x80, byte != UInt8(ascii: "{"), byte != UInt8(ascii: "}") else {
                    self.pieces = nil
                    return
                }
                literal.append(byte)
                rest = rest.dropFirst()
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            self.pieces = pieces
        }

        /// Whether `url` is the template filled in with `repository`; nil when bytes cannot tell.
        func matches(_ url: String, _ repository: RepositoryName) -> Bool? {
            guard let pieces else { return nil }
            var bytes = url.utf8[...]
            func consume<Text: Collection<UInt8>>(_ text: Text) -> Bool {
                guard bytes.starts(with: text) else { return false }
                bytes = bytes.dropFirst(text.count)
                return true
            }
            for piece in pieces {
                let consumed: Bool
                switch piece {
                case .literal(let text): consumed = consume(text)
                case .owner: consumed = consume(repository.owner.utf8)
                case .repo: consumed = consume(repository.name.utf8)
                }
                // Unequal bytes are unequal text when the URL is ASCII, as the template is.
                guard consumed else { return url.utf8.contains(where: { $0 >= 0x80 }) ? nil : false }
            }
            if bytes.isEmpty { return true }
            return url.utf8.contains(where: { $0 >= 0x80 }) ? nil : false
        }
    }
}
