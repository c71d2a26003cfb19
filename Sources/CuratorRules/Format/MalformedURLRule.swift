import CuratorCore

/// Link destinations that are not well-formed URLs.
///
/// Lint reports, at the destination, links whose URL has no scheme (`arxiv.org/abs/...`), a
/// misspelled one (`https//`, `http:/`), a space, unbalanced brackets or parentheses, or a stray
/// emphasis marker, and link syntax that cmark-gfm refused because its destination holds a space.
/// The fix writes the scheme out (`https://`) where it is missing or misspelled; the other defects
/// need a person to find the intended URL.
struct MalformedURLRule: Rule {
    static let noSchemeMessage = "URL has no scheme: browsers read it as a path on GitHub; write https://"
    static let schemeMessage = "URL's scheme is misspelled; write https://"
    static let spaceMessage = "URL contains a space"
    static let refusedSpaceMessage = "URL contains a space, so GitHub shows the link as text"
    static let unbalancedMessage = "URL has unbalanced brackets or parentheses"
    static let emphasisMessage = "URL contains a stray emphasis marker ('*' or '_' at its end)"

    static let description = RuleDescription(
        id: "malformed-url",
        summary: "Link destinations are well-formed absolute URLs.",
        rationale: """
            A URL without its scheme resolves against github.com and gives a 404, a misspelled scheme \
            or a space breaks the link, and a stray bracket or asterisk makes a URL that no server \
            knows; readers land nowhere and the link checker cannot tell which paper was meant.
            """,
        severity: .error,
        triggering: [
            Example(
                "* [Title](↓arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](↓https//arxiv.org/abs/2205.14135)[[Github]](↓http:/github.com/o/r)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](↓https://arxiv.org/abs/2409.13652[) <br> A | |[Github](<↓https://github.com/o/r two>) <br> [Paper](↓https://arxiv.org/abs/2409.13652**)|\n"
            ),
            Example(
                "* [Title](↓https://arxiv.org/abs/2205 .14135). Tri Dao. [[Paper]](↓https://arxiv.org/abs/2205.14135])\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Github]](https://github.com/o/r)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br>[Title](https://en.wikipedia.org/wiki/Pruning_(morphology)) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "- [Quantization](quantization.md)\n- [Pruning](#network-pruning)\n- [Figure](figures/present.png)\n",
                path: "README.md"),
        ],
        corrections: [
            Correction(
                Example(
                    "* [Title](↓arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](↓https//arxiv.org/abs/2205.14135)[[Github]](↓http:/github.com/o/r)\n",
                    path: "hardware.md"),
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Github]](http://github.com/o/r)\n"
            )
        ]
    )

    /// Whether the URL starts with a host name followed by a path, as written when the scheme is
    /// left out: what `^(www\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/` matches. Read byte
    /// by byte because a regular expression per link dominated the rule's time: the host is
    /// the run of letters, digits, `-` and `.` before the first other byte, which must be `/`;
    /// the host must be two or more non-empty dot-separated labels, the last of two or more
    /// letters.
    static func startsWithBareHost(_ url: String) -> Bool {
        var labels = 0
        var labelLength = 0
        var labelIsLetters = true
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                labelLength += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                labelLength += 1
                labelIsLetters = false
            case UInt8(ascii: "."):
                guard labelLength > 0 else { return false }
                labels += 1
                labelLength = 0
                labelIsLetters = true
            case UInt8(ascii: "/"):
                return labels >= 1 && labelLength >= 2 && labelIsLetters
            default:
                return false
            }
        }
        return false
    }

    /// The scheme as written and the length in bytes of scheme plus separator, when the URL
    /// starts with `http` or `https` (any case) followed by a colon and slashes in some wrong
    /// number, or slashes alone, and then a byte other than `/`: what
    /// `^(https?)(:/{0,1}|:/{3,}|/{1,2}|;//|:\\\\)(?=[^/])` matches without case. Read byte by
    /// byte for the same reason as `startsWithBareHost`.
    static func misspelledScheme(_ url: String) -> (scheme: Substring, length: Int)? {
        // Native strings lend their bytes; copying them into an array cost one allocation per link.
        let found =
            url.utf8.withContiguousStorageIfAvailable { separator(after: $0) } ?? separator(after: Array(url.utf8))
        guard let (schemeLength, separatorEnd) = found else { return nil }
        let utf8 = url.utf8
        return (Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: schemeLength)]), separatorEnd)
    }

    /// The lengths of the scheme and of scheme plus misspelled separator, for `misspelledScheme`.
    private static func separator<Bytes: RandomAccessCollection<UInt8>>(after bytes: Bytes) -> (Int, Int)?
    where Bytes.Index == Int {
        func lower(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] | 0x20 : nil }
        guard lower(0) == UInt8(ascii: "h"), lower(1) == UInt8(ascii: "t"), lower(2) == UInt8(ascii: "t"),
            lower(3) == UInt8(ascii: "p")
        else { return nil }
        let schemeLength = lower(4) == UInt8(ascii: "s") ? 5 : 4
        var index = schemeLength
        let slash = UInt8(ascii: "/")
        // The separator must be followed by some byte, and not by a slash.
        func endsBeforeNonSlash(_ end: Int) -> Bool { end < bytes.count && bytes[end] != slash }
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        var separatorEnd: Int?
        switch byte(index) {
        case UInt8(ascii: ":"):
            index += 1
            if byte(index) == UInt8(ascii: "\\"), byte(index + 1) == UInt8(ascii: "\\") {
                separatorEnd = endsBeforeNonSlash(index + 2) ? index + 2 : nil
            } else {
                var slashes = 0
                while byte(index + slashes) == slash { slashes += 1 }
                if slashes != 2, endsBeforeNonSlash(index + slashes) { separatorEnd = index + slashes }
            }
        case slash:
            var slashes = 0
            while byte(index + slashes) == slash { slashes += 1 }
            if slashes <= 2, endsBeforeNonSlash(index + slashes) { separatorEnd = index + slashes }
        case UInt8(ascii: ";"):
            if byte(index + 1) == slash, byte(index + 2) == slash, endsBeforeNonSlash(index + 3) {
                separatorEnd = index + 3
            }
        default:
            break
        }
        guard let separatorEnd else { return nil }
        return (schemeLength, separatorEnd)
    }

    /// What is wrong with a URL, read from the URL alone.
    enum Defect {
        /// The scheme as written, and the length in bytes of scheme plus separator.
        case misspelledScheme(Substring, length: Int)
        case noScheme
        case space
        case unbalanced
        case emphasis
    }

    /// The first of the defects that `url` has, in the order the rule reports them: the scheme,
    /// a missing scheme, a space, unbalanced brackets or parentheses, an emphasis marker.
    static func defect(of url: String) -> Defect? {
        if let (scheme, length) = misspelledScheme(url) { return .misspelledScheme(scheme, length: length) }
        if startsWithBareHost(url) { return .noScheme }
        // Native strings lend their bytes; stepping through the string's UTF-8 view took more than
        // half of the rule's walk over the links.
        let marks = url.utf8.withContiguousStorageIfAvailable { Marks(of: $0) } ?? Marks(of: Array(url.utf8))
        if marks.space { return .space }
        if marks.parentheses != 0 || marks.brackets != 0 { return .unbalanced }
        if marks.last == UInt8(ascii: "*") || marks.last == UInt8(ascii: "_") || marks.doubleStar { return .emphasis }
        return nil
    }

    /// The spaces, brackets and emphasis markers of a URL, found in one pass. They are ASCII, so
    /// counting bytes counts the characters.
    private struct Marks {
        var space = false
        var parentheses = 0
        var brackets = 0
        var doubleStar = false
        var last: UInt8 = 0

        init<Bytes: Sequence<UInt8>>(of bytes: Bytes) {
            for byte in bytes {
                switch byte {
                case UInt8(ascii: " "): space = true
                case UInt8(ascii: "("): parentheses += 1
                case UInt8(ascii: ")"): parentheses -= 1
                case UInt8(ascii: "["): brackets += 1
                case UInt8(ascii: "]"): brackets -= 1
                case UInt8(ascii: "*") where last == UInt8(ascii: "*"): doubleStar = true
                default: break
                }
                last = byte
            }
        }
    }

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        // Backwards through the files: unrendered-link, which shares the link syntax scan, goes
        // forwards, so the two rules scan different files instead of waiting for each other.
        // The findings are sorted at the end, so the order of the walk does not show.
        for (document, _) in context.workspace.documents.reversed() {
            // Links are checked during the walk: collecting the nodes first copied every one.
            document.root.forEach(ofKinds: [.link, .image]) { node in
                // Only links whose destination is written inline are checked, but nearly every URL
                // is well-formed, so the URL is read first and the source searched for where its
                // destination is written only when something is wrong with it.
                guard let url = node.url, !url.isEmpty, let defect = Self.defect(of: url),
                    let destination = document.source.destinationRange(ofLinkAt: document.range(of: node))
                else { return }
                findings.append(
                    finding(defect, url: url, destination: destination, document: document, context: context))
            }
            for candidate in LinkSyntaxScanner.candidates(of: document, in: context)
            where candidate.failure == .spaceInDestination {
                findings.append(
                    context.finding(
                        Self.self, file: document.path, offset: candidate.destination.lowerBound,
                        message: Self.refusedSpaceMessage))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    /// The finding for a defect of one link's URL, which is written at `destination`.
    private func finding(
        _ defect: Defect, url: String, destination: Range<Int>, document: Document, context: LintContext
    ) -> Finding {
        let written = document.source.text(destination)
        // Point past the `<` of an angle-bracketed destination.
        let offset = written.hasPrefix("<") ? destination.lowerBound + 1 : destination.lowerBound
        // Fixes rewrite the destination only when its bytes are the URL itself, without escapes.
        let fixable = written == url
        switch defect {
        case .misspelledScheme(let scheme, let length):
            let fixed = scheme.lowercased() + "://" + Substring(url.utf8.dropFirst(length))
            return context.finding(
                Self.self, file: document.path, offset: offset, message: Self.schemeMessage,
                fix: fixable
                    ? context.replace(destination, in: document.path, with: fixed, summary: "spell the scheme out")
                    : nil)
        case .noScheme:
            return context.finding(
                Self.self, file: document.path, offset: offset, message: Self.noSchemeMessage,
                fix: fixable
                    ? context.replace(destination, in: document.path, with: "https://" + url, summary: "add https://")
                    : nil)
        case .space:
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.spaceMessage)
        case .unbalanced:
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.unbalancedMessage)
        case .emphasis:
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.emphasisMessage)
        }
    }
}
