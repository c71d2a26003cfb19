import CuratorCore

/// An arXiv link that is not the paper's abstract page in its one canonical form.
///
/// Lint reports each title or other link of an entry that points at arXiv but not at
/// `https://arxiv.org/abs/ID`: the PDF or HTML view, a pinned version (`v2`), a `.pdf` suffix, the
/// `www.` host, `http://`, a stray `?` or `#`; it also reports an arXiv link whose identifier is
/// malformed (`2407.11681mini`). It points at the link's URL.
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

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.entries.flatMap { entry in
            ([entry.titleLink].compactMap { $0 } + entry.links).compactMap { finding(for: $0, in: entry, context: context) }
        }
    }

    private func finding(for link: Link, in entry: Entry, context: LintContext) -> Finding? {
        let urlStart = link.urlRange.flatMap { context.text($0, in: entry.file) == link.url ? $0.lowerBound : nil }
        let offset = urlStart ?? link.range.lowerBound
        guard let reference = ArxivReference(url: link.url) else {
            guard Self.isArxivPaperURL(link.url) else { return nil }
            return context.finding(Self.self, file: entry.file, offset: offset, message: Self.malformedMessage)
        }
        let canonical = reference.canonicalURL
        guard link.url != canonical else { return nil }
        var reasons: [String] = []
        if reference.view != "abs" { reasons.append(reference.view == "pdf" ? "points at the PDF" : "points at the HTML view") }
        if let version = reference.version { reasons.append("pins version v\(version)") }
        if reference.host != "arxiv.org" { reasons.append("uses the host \(reference.host)") }
        if link.url.lowercased().hasPrefix("http://") { reasons.append("uses http") }
        if reasons.isEmpty { reasons.append("has extra characters") }
        let fix = urlStart.map {
            context.replace($0..<($0 + link.url.utf8.count), in: entry.file, with: canonical, summary: "link \(canonical)")
        }
        return context.finding(Self.self, file: entry.file, offset: offset, message: Self.message(reasons, canonical), fix: fix)
    }

    /// An arXiv abstract, PDF or HTML link, whatever follows the view.
    static func isArxivPaperURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return ["http://", "https://"].contains { scheme in
            ["arxiv.org/", "www.arxiv.org/", "export.arxiv.org/"].contains { host in
                ["abs/", "pdf/", "html/"].contains { lowered.hasPrefix(scheme + host + $0) }
            }
        }
    }
}
