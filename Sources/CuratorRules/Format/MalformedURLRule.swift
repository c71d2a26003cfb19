import CuratorCore
import Foundation

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
            Example("- [Quantization](quantization.md)\n- [Pruning](#network-pruning)\n- [Figure](figures/present.png)\n", path: "README.md"),
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

    /// A host name followed by a path, as written when the scheme is left out.
    private static let bareHost = try! NSRegularExpression(
        pattern: #"^(www\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/"#)
    /// `http` or `https` followed by a colon and slashes in some wrong number, or slashes alone.
    private static let misspelledScheme = try! NSRegularExpression(
        pattern: #"^(https?)(:/{0,1}|:/{3,}|/{1,2}|;//|:\\\\)(?=[^/])"#, options: [.caseInsensitive])

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents {
            var links: [MarkdownNode] = []
            document.root.forEach { if $0.kind == .link || $0.kind == .image { links.append($0) } }
            for node in links {
                let range = document.range(of: node)
                guard let destination = LinkSyntaxScanner.destinationRange(in: range, bytes: document.source.bytes),
                    let url = node.url, !url.isEmpty
                else { continue }
                let written = document.source.text(destination)
                // Point past the `<` of an angle-bracketed destination.
                let offset = written.hasPrefix("<") ? destination.lowerBound + 1 : destination.lowerBound
                if let finding = check(url: url, written: written, at: offset, destination: destination, document: document, context: context) {
                    findings.append(finding)
                }
            }
            for candidate in LinkSyntaxScanner(document: document).candidates() where candidate.failure == .spaceInDestination {
                findings.append(
                    context.finding(
                        Self.self, file: document.path, offset: candidate.destination.lowerBound, message: Self.refusedSpaceMessage))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    private func check(
        url: String, written: String, at offset: Int, destination: Range<Int>, document: Document, context: LintContext
    ) -> Finding? {
        let whole = NSRange(url.startIndex..., in: url)
        // Fixes rewrite the destination only when its bytes are the URL itself, without escapes.
        let fixable = written == url
        if let match = Self.misspelledScheme.firstMatch(in: url, range: whole), let scheme = Range(match.range(at: 1), in: url),
            let whole = Range(match.range, in: url)
        {
            let fixed = url[scheme].lowercased() + "://" + url[whole.upperBound...]
            return context.finding(
                Self.self, file: document.path, offset: offset, message: Self.schemeMessage,
                fix: fixable ? context.replace(destination, in: document.path, with: fixed, summary: "spell the scheme out") : nil)
        }
        if Self.bareHost.firstMatch(in: url, range: whole) != nil {
            return context.finding(
                Self.self, file: document.path, offset: offset, message: Self.noSchemeMessage,
                fix: fixable ? context.replace(destination, in: document.path, with: "https://" + url, summary: "add https://") : nil)
        }
        if url.contains(" ") {
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.spaceMessage)
        }
        func count(_ character: Character) -> Int { url.reduce(0) { $1 == character ? $0 + 1 : $0 } }
        if count("(") != count(")") || count("[") != count("]") {
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.unbalancedMessage)
        }
        if url.hasSuffix("*") || url.hasSuffix("_") || url.contains("**") {
            return context.finding(Self.self, file: document.path, offset: offset, message: Self.emphasisMessage)
        }
        return nil
    }
}
