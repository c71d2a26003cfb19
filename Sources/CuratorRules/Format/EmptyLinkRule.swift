import CuratorCore
import Foundation

/// Links with nothing to follow or nothing to click.
///
/// Lint reports, at the `[`, each link whose destination is empty (`[Paper]()`) or whose label is
/// empty (`[](https://...)`). A badge, an image wrapped in a link, may have an empty destination:
/// the list shows venue and type badges as `[![Publish](...)]()` on purpose.
/// There is no fix: only a person knows the missing URL or label.
struct EmptyLinkRule: Rule {
    static let emptyDestinationMessage = "link has an empty destination"
    static let emptyLabelMessage = "link has an empty label, so readers see nothing to click"

    static let description = RuleDescription(
        id: "empty-link",
        summary: "Links have a destination and a label.",
        rationale: """
            A link with an empty destination reloads the page it sits on, so the paper or code it \
            promises cannot be reached; a link without a label is invisible.
            """,
        severity: .error,
        triggering: [
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. ↓[[Paper]]()↓[[Github]]( )\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br>↓[Title]() <br> A | |↓[](https://github.com/o/r) <br> [Paper](https://arxiv.org/abs/2409.13652)|\n"
            ),
        ],
        nonTriggering: [
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-NeurIPS'22-blue)]() [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]() [![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]()<br>[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents {
            document.root.forEach(ofKinds: [.link]) { node in
                // Only whether no child, or exactly one image, shows is asked; the children are
                // counted where they are, without making a list of them or a string of each text.
                var visibleCount = 0
                var firstVisibleKind: MarkdownNode.Kind?
                var child = node.firstChild
                while let current = child, visibleCount < 2 {
                    if current.kind != .text || !current.literalIsBlank {
                        if visibleCount == 0 { firstVisibleKind = current.kind }
                        visibleCount += 1
                    }
                    child = current.nextSibling
                }
                let isBadge = visibleCount == 1 && firstVisibleKind == .image
                let offset = document.range(of: node).lowerBound
                let url = (node.url ?? "").trimmedOfWhitespace()
                if url.isEmpty && !isBadge {
                    findings.append(
                        context.finding(
                            Self.self, file: document.path, offset: offset, message: Self.emptyDestinationMessage))
                } else if !url.isEmpty && visibleCount == 0 {
                    findings.append(
                        context.finding(Self.self, file: document.path, offset: offset, message: Self.emptyLabelMessage)
                    )
                }
            }
        }
        return findings
    }
}
