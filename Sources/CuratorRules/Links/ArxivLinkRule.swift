import CuratorCore

/// An arXiv link that is not the paper's abstract page in its one canonical form.
///
/// Lint reports each title or other link of an entry that points at arXiv but not at
/// `https://arxiv.org/abs/ID`: the PDF or HTML view, a pinned version (`v2`), a `.pdf` suffix, the
/// `www.` host, `http://`, a stray `?` or `#`; it also reports a broken arXiv link, whose
/// identifier is malformed (`2407.11681mini`, `12/3456789`). It points at the link's URL.
/// The fix rewrites a well-formed link to `https://arxiv.org/abs/ID`; a malformed identifier needs
/// a person.
struct ArxivLinkRule: Rule {
    static func message(_ reasons: [String], _ canonical: String) -> String {
        "arXiv link \(reasons.joined(separator: ", ")); link the abstract page \(canonical)"
    }

    static let malformedMessage = "arXiv link does not name a well-formed arXiv identifier"

    static let description = RuleDescription(
        id: "arxiv-link",
        summary: "arXiv links point at the abstract page, `https://arxiv.org/abs/ID`.",
        rationale: """
            The abstract page always shows the latest version and links every format, while a PDF \
            link downloads a file and a pinned version hides later corrections. One form per paper \
            also lets duplicate and mirror checks see that two rows cite the same paper.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](↓https://arxiv.org/pdf/2401.00001.pdf) <br> A | |[Paper](↓https://www.arxiv.org/pdf/2401.00001)|\n"
                    + "|[T](↓https://arxiv.org/abs/2401.00002v2) <br> A | |[Paper](↓http://arxiv.org/abs/2401.00002)|\n"
                    + "|[T](↓https://arxiv.org/abs/2407.11681mini) <br> A | |[Paper](↓https://arxiv.org/abs/2401.00003#)|\n"
                    + "|[T](↓https://arxiv.org/abs/12/3456789) <br> A | |[Paper](↓https://arxiv.org/pdf/2413.00001)|\n"
            ),
            Example(
                "* [T](↓https://arxiv.org/pdf/2504.08791). A. [[Paper]](↓https://arxiv.org/pdf/2504.08791)\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A |<img src=\"https://arxiv.org/html/2401.00001v1/x1.png\"> |[Paper](https://arxiv.org/abs/2401.00001) <br> [Github](https://github.com/o/r)|\n"
                    + "|[T](https://openreview.net/forum?id=x) <br> A | |[Paper](https://arxiv.org/abs/hep-th/9901001)|\n"
                    + "|[T](https://arxiv.org/abs/math.GT/0309136) <br> A | |[Paper](https://arxiv.org/abs/0704.0001)|\n"
            )
        ],
        corrections: [
            Correction(
                Example(
                    "* [T](↓https://arxiv.org/pdf/2401.00001v3.pdf). A. [[Paper]](↓https://www.arxiv.org/abs/2401.00001?)\n",
                    path: "hardware.md"),
                "* [T](https://arxiv.org/abs/2401.00001). A. [[Paper]](https://arxiv.org/abs/2401.00001)\n"
            )
        ]
    )

    /// What a URL says about itself, independent of where it is written.
    enum Verdict {
        case fine
        case malformed
        case wrongForm(reasons: [String], canonical: String)
    }

    func check(_ context: LintContext) -> [Finding] {
        // A list cites the same papers in several places; each distinct URL is read once.
        var verdicts: [String: Verdict] = Dictionary(minimumCapacity: 2 * context.catalog.entries.count)
        var findings: [Finding] = []
        context.catalog.forEachEntry { entry in
            func examine(_ link: Link) {
                // Most links are no arXiv links at all, which a byte search settles before the
                // URL is hashed or parsed.
                guard Self.mayNameArxiv(link.url) else { return }
                let verdict: Verdict
                if let known = verdicts[link.url] {
                    verdict = known
                } else {
                    verdict = Self.verdict(link.url)
                    verdicts[link.url] = verdict
                }
                if let finding = finding(for: link, verdict: verdict, in: entry, context: context) {
                    findings.append(finding)
                }
            }
            if let titleLink = entry.titleLink { examine(titleLink) }
            // By index: `for link in` would copy every link, its strings retained and released.
            let links = entry.links
            for index in links.indices { examine(links[index]) }
        }
        return findings
    }

    /// Whether `url` holds `arxiv` in any ASCII case, as the host of every link `ArxivID.Link`
    /// reads does; a URL without these bytes has the verdict `.fine`.
    static func mayNameArxiv(_ url: String) -> Bool {
        let utf8 = url.utf8
        var matched = 0
        for byte in utf8 {
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            if lower == Self.arxivBytes[matched] {
                matched += 1
                if matched == Self.arxivBytes.count { return true }
            } else {
                matched = lower == Self.arxivBytes[0] ? 1 : 0
            }
        }
        return false
    }

    private func finding(for link: Link, verdict: Verdict, in entry: Entry, context: LintContext) -> Finding? {
        if case .fine = verdict { return nil }
        let urlStart = link.urlRange.flatMap {
            context.source($0, in: entry.file, spells: link.url) ? $0.lowerBound : nil
        }
        let offset = urlStart ?? link.range.lowerBound
        guard case .wrongForm(let reasons, let canonical) = verdict else {
            return context.finding(Self.self, file: entry.file, offset: offset, message: Self.malformedMessage)
        }
        let fix = urlStart.map {
            context.replace(
                $0..<($0 + link.url.utf8.count), in: entry.file, with: canonical, summary: "link \(canonical)")
        }
        return context.finding(
            Self.self, file: entry.file, offset: offset, message: Self.message(reasons, canonical), fix: fix)
    }

    private static let arxivBytes: [UInt8] = Array("arxiv".utf8)

    /// What the rule says about a URL wherever it is written.
    static func verdict(_ url: String) -> Verdict {
        guard let link = ArxivID.Link(url: url) else { return .fine }
        guard let id = link.id else { return .malformed }
        let canonical = id.abstractURL
        guard url != canonical else { return .fine }
        var reasons: [String] = []
        switch link.view {
        case .abstract: break
        case .pdf: reasons.append("points at the PDF")
        case .html: reasons.append("points at the HTML view")
        }
        if let version = id.version { reasons.append("pins version v\(version)") }
        if link.host != "arxiv.org" { reasons.append("uses the host \(link.host)") }
        if link.scheme == "http" { reasons.append("uses http") }
        if reasons.isEmpty { reasons.append("has extra characters") }
        return .wrongForm(reasons: reasons, canonical: canonical)
    }
}
