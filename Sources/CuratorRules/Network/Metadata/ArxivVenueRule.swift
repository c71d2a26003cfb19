import CuratorCore

/// A paper that arXiv says was accepted at a venue of the vocabulary, without that venue's badge.
///
/// Lint reports an entry whose arXiv journal reference or comment states acceptance at a venue of
/// `venues.names`, by name or alias ("Accepted at ICML 2024", "Proceedings of NAACL-HLT 2024") when the entry has no venue
/// badge, at the title, or only badges of other venues, at the first of them. A badge of the same
/// venue with another year is left alone: authors often resubmit, and the year alone is not proof.
/// The fix adds the badge (after the star badge) when the entry has none; a different venue needs a
/// person, since either side may be the stale one.
struct ArxivVenueRule: Rule {
    static func missingMessage(_ statement: VenueStatement, label: String) -> String {
        "arXiv says \"\(statement.evidence)\", but the entry has no venue badge; add \(label)"
    }

    static func differentMessage(_ statement: VenueStatement, shown: String) -> String {
        "arXiv says \"\(statement.evidence)\", but the venue badge says \(shown)"
    }

    static let description = RuleDescription(
        id: "arxiv-venue",
        summary: "Papers that arXiv says were accepted at a venue of the vocabulary carry that venue's badge.",
        rationale: """
            The venue badge is how readers tell a peer-reviewed paper from a preprint, and authors \
            announce acceptance in the arXiv comment or journal reference long after the row was \
            written. Venues are found by their names and by the vocabulary's `aliases` (full names, \
            proceedings titles, older abbreviations), with the year written beside them or the one \
            year of the clause. Only explicit statements count: a journal reference, or a comment \
            clause that says accepted, to appear, published, or opens with the venue and year; \
            "Submitted to", "under review", "under submission" and "preprint" are not acceptance.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|↓[Fast Pruning](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | [Paper](https://arxiv.org/abs/2401.00001)|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-↓ICLR'24-blue)]()<br>[Slow Pruning](https://arxiv.org/abs/2401.00002) <br> Ann Lee | | [Paper](https://arxiv.org/abs/2401.00002)|\n",
                facts: Facts(papers: [
                    "2401.00001": PaperFacts(
                        id: "2401.00001", state: .found, comment: "Accepted at ICML 2024. 12 pages"),
                    "2401.00002": PaperFacts(id: "2401.00002", state: .found, journalRef: "NeurIPS 2023"),
                ])),
            Example(
                "* ↓[Survey](https://arxiv.org/abs/2401.00003). Ann Lee. [[Paper]](https://arxiv.org/abs/2401.00003)\n",
                path: "survey.md",
                facts: Facts(papers: ["2401.00003": PaperFacts(id: "2401.00003", state: .found, comment: "TMLR 2025")])),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]()<br>[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
                    + "|[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | | |\n"
                    + "|[C](https://arxiv.org/abs/2401.00003) <br> Ann Lee | | |\n"
                    + "|[D](https://arxiv.org/abs/2401.00004) <br> Ann Lee | | |\n",
                facts: Facts(papers: [
                    // The same venue with another year is not enough to call the badge wrong.
                    "2401.00001": PaperFacts(id: "2401.00001", state: .found, comment: "Accepted at ICML 2024"),
                    "2401.00002": PaperFacts(id: "2401.00002", state: .found, comment: "Submitted to ICLR 2025"),
                    "2401.00003": PaperFacts(
                        id: "2401.00003", state: .found, comment: "Extends our ICML work; 9 pages"),
                    "2401.00004": PaperFacts(id: "2401.00004", state: .found, comment: "Accepted at a top venue"),
                ])),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
                    + "|[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | | |\n"
                    + "|[C](https://arxiv.org/abs/2401.00003) <br> Ann Lee | | |\n"
                    + "|[D](https://arxiv.org/abs/2401.00004) <br> Ann Lee | | |\n"
                    + "|[E](https://arxiv.org/abs/2401.00005) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICMLA'24-blue)]()<br>[F](https://arxiv.org/abs/2401.00006) <br> Ann Lee | | |\n",
                facts: Facts(papers: [
                    // Submissions, reviews and preprints are not acceptance, however the venue is written.
                    "2401.00001": PaperFacts(
                        id: "2401.00001", state: .found,
                        comment: "Submitted to Transactions on Machine Learning Research (2024)"),
                    "2401.00002": PaperFacts(
                        id: "2401.00002", state: .found,
                        comment: "Under review at the International Conference on Learning Representations 2025"),
                    "2401.00003": PaperFacts(
                        id: "2401.00003", state: .found, comment: "Under submission to NAACL-HLT 2025"),
                    "2401.00004": PaperFacts(
                        id: "2401.00004", state: .found, comment: "Preprint of a paper for ICML 2024"),
                    "2401.00005": PaperFacts(
                        id: "2401.00005", state: .found, comment: "In submission; accepted results to follow, 2024"),
                    // The longest spelling wins: this is ICMLA, which the badge shows, not ICML.
                    "2401.00006": PaperFacts(
                        id: "2401.00006", state: .found,
                        journalRef: "International Conference on Machine Learning and Applications, 2024"),
                ])),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                        + "|↓[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
                        + "|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)<br>↓[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | |[Github](https://github.com/o/r)|\n"
                        + "|[![Type](https://img.shields.io/badge/Structural-C2A4A6)]()<br>↓[C](https://arxiv.org/abs/2401.00003) <br> Ann Lee | | |\n",
                    facts: Facts(papers: [
                        "2401.00001": PaperFacts(id: "2401.00001", state: .found, comment: "NeurIPS 2023 (oral)"),
                        "2401.00002": PaperFacts(
                            id: "2401.00002", state: .found, comment: "Findings of ACL 2024, accepted"),
                        "2401.00003": PaperFacts(
                            id: "2401.00003", state: .found,
                            journalRef: "Transactions on Machine Learning Research (TMLR), 2025"),
                    ])),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-NeurIPS'23-blue)]()<br>[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
                    + "|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)[![Publish](https://img.shields.io/badge/Conference-ACL'24%20Findings-blue)]()<br>[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | |[Github](https://github.com/o/r)|\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-TMLR'25-blue)]()[![Type](https://img.shields.io/badge/Structural-C2A4A6)]()<br>[C](https://arxiv.org/abs/2401.00003) <br> Ann Lee | | |\n"
            ),
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                        + "|↓[P1](https://arxiv.org/abs/2402.00001) <br> Ann Lee | | |\n"
                        + "|↓[P2](https://arxiv.org/abs/2402.00002) <br> Ann Lee | | |\n"
                        + "|↓[P3](https://arxiv.org/abs/2402.00003) <br> Ann Lee | | |\n"
                        + "|↓[P4](https://arxiv.org/abs/2402.00004) <br> Ann Lee | | |\n"
                        + "|↓[P5](https://arxiv.org/abs/2402.00005) <br> Ann Lee | | |\n"
                        + "|↓[P6](https://arxiv.org/abs/2402.00006) <br> Ann Lee | | |\n"
                        + "|↓[P7](https://arxiv.org/abs/2402.00007) <br> Ann Lee | | |\n"
                        + "|↓[P8](https://arxiv.org/abs/2402.00008) <br> Ann Lee | | |\n"
                        + "|↓[P9](https://arxiv.org/abs/2402.00009) <br> Ann Lee | | |\n"
                        + "|↓[P10](https://arxiv.org/abs/2402.00010) <br> Ann Lee | | |\n"
                        + "|↓[P11](https://arxiv.org/abs/2402.00011) <br> Ann Lee | | |\n"
                        + "|↓[P12](https://arxiv.org/abs/2402.00012) <br> Ann Lee | | |\n"
                        + "|↓[P13](https://arxiv.org/abs/2402.00013) <br> Ann Lee | | |\n"
                        + "|↓[P14](https://arxiv.org/abs/2402.00014) <br> Ann Lee | | |\n",
                    facts: Facts(papers: [
                        "2402.00001": PaperFacts(
                            id: "2402.00001", state: .found,
                            journalRef: "Proceedings of the AAAI Conference on Artificial Intelligence, 2024"),
                        "2402.00002": PaperFacts(
                            id: "2402.00002", state: .found, journalRef: "Proceedings of NAACL-HLT 2024"),
                        "2402.00003": PaperFacts(
                            id: "2402.00003", state: .found,
                            journalRef: "Transactions on Machine Learning Research, 2024"),
                        "2402.00004": PaperFacts(
                            id: "2402.00004", state: .found,
                            comment: "Published in Transactions on Machine Learning Research (2024)"),
                        "2402.00005": PaperFacts(
                            id: "2402.00005", state: .found,
                            journalRef: "Findings of the Association for Computational Linguistics: EMNLP 2023"),
                        "2402.00006": PaperFacts(
                            id: "2402.00006", state: .found,
                            comment: "Accepted to the Workshop on Efficient Systems for Foundation Models at ICML 2024"),
                        "2402.00007": PaperFacts(
                            id: "2402.00007", state: .found,
                            journalRef: "Journal of Machine Learning Research 25 (2024) 1-42"),
                        "2402.00008": PaperFacts(
                            id: "2402.00008", state: .found,
                            journalRef: "Transactions of the Association for Computational Linguistics, 2024"),
                        "2402.00009": PaperFacts(
                            id: "2402.00009", state: .found,
                            journalRef:
                                "Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing, pages 1-12"
                        ),
                        "2402.00010": PaperFacts(
                            id: "2402.00010", state: .found,
                            comment:
                                "12 pages. To appear in Proc. of the 62nd Annual Meeting of the Association for Computational Linguistics, 2024"
                        ),
                        "2402.00011": PaperFacts(
                            id: "2402.00011", state: .found, comment: "Camera-ready for NeurIPS 2023"),
                        "2402.00012": PaperFacts(id: "2402.00012", state: .found, comment: "Accepted by AAAI-25"),
                        "2402.00013": PaperFacts(
                            id: "2402.00013", state: .found,
                            comment: "Accepted at the International Conference on Learning Representations (ICLR), 2025"
                        ),
                        "2402.00014": PaperFacts(
                            id: "2402.00014", state: .found,
                            journalRef: "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024"),
                    ])),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-AAAI'24-blue)]()<br>[P1](https://arxiv.org/abs/2402.00001) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-NAACL'24-blue)]()<br>[P2](https://arxiv.org/abs/2402.00002) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-TMLR'24-blue)]()<br>[P3](https://arxiv.org/abs/2402.00003) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-TMLR'24-blue)]()<br>[P4](https://arxiv.org/abs/2402.00004) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-EMNLP'23%20Findings-blue)]()<br>[P5](https://arxiv.org/abs/2402.00005) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICML'24%20Workshop-blue)]()<br>[P6](https://arxiv.org/abs/2402.00006) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-JMLR'24-blue)]()<br>[P7](https://arxiv.org/abs/2402.00007) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-TACL'24-blue)]()<br>[P8](https://arxiv.org/abs/2402.00008) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-EMNLP'23-blue)]()<br>[P9](https://arxiv.org/abs/2402.00009) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ACL'24-blue)]()<br>[P10](https://arxiv.org/abs/2402.00010) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-NeurIPS'23-blue)]()<br>[P11](https://arxiv.org/abs/2402.00011) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-AAAI'25-blue)]()<br>[P12](https://arxiv.org/abs/2402.00012) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br>[P13](https://arxiv.org/abs/2402.00013) <br> Ann Lee | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-CVPR'24-blue)]()<br>[P14](https://arxiv.org/abs/2402.00014) <br> Ann Lee | | |\n"
            ),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let vocabulary = context.ruleset.ruleset.venues else { return [] }
        return context.catalog.entries.compactMap { entry in
            guard MetadataFacts.format(of: entry, in: context, has: .badges),
                let paper = MetadataFacts.paper(of: entry, in: context),
                let statement = VenueStatements.find(
                    comment: paper.comment, journalRef: paper.journalRef, vocabulary: vocabulary
                ).first
            else { return nil }
            let shown = entry.venueBadges.compactMap { badge -> (Badge, String)? in
                guard let parsed = StaticBadge(url: badge.imageURL), parsed.parts.count >= 3 else { return nil }
                return (badge, parsed.parts[1..<(parsed.parts.count - 1)].map(\.shown).joined(separator: "-"))
            }
            if shown.contains(where: { VenueStatements.venue(ofLabel: $0.1, vocabulary: vocabulary) == statement.venue }
            ) {
                return nil
            }
            if let (badge, label) = shown.first {
                let start = BadgeSource.imageURLStart(of: badge, in: entry.file, context: context)
                let offset =
                    start.map { $0 + (StaticBadge(url: badge.imageURL)?.parts[1].range.lowerBound ?? 0) }
                    ?? badge.range.lowerBound
                return context.finding(
                    Self.self, file: entry.file, offset: offset, message: Self.differentMessage(statement, shown: label)
                )
            }
            guard let titleStart = MetadataFacts.titleStart(entry) else { return nil }
            let label = statement.label(format: vocabulary.label)
            let badge = Self.badge(label: label, venue: statement.venue, in: context.ruleset.ruleset)
            let fix: Fix
            if let point = MetadataFacts.badgeInsertionPoint(entry) {
                fix = context.replace(
                    point..<point, in: entry.file, with: badge, summary: "add the venue badge \(label)")
            } else {
                let separator = entry.kind == .tableRow ? (Self.separator(of: entry, in: context) ?? " ") : " "
                fix = context.replace(
                    titleStart..<titleStart, in: entry.file, with: badge + separator,
                    summary: "add the venue badge \(label)")
            }
            return context.finding(
                Self.self, file: entry.file, offset: titleStart, message: Self.missingMessage(statement, label: label),
                fix: fix)
        }
    }

    /// The badge in the list's shape: `[![Publish](https://img.shields.io/badge/Conference-ICML'24-blue)]()`.
    static func badge(label: String, venue: String, in ruleset: Ruleset) -> String {
        let kinds = ruleset.badges?.venue?.kinds ?? ["Conference", "Journal"]
        let journal = ruleset.venues?.journals?.contains(venue) == true
        let kind = journal ? (kinds.first { $0 == "Journal" } ?? "Journal") : (kinds.first ?? "Conference")
        let alt = ruleset.badges?.venue?.alt ?? "Publish"
        return
            "[![\(alt)](https://img.shields.io/badge/\(StaticBadge.encode(kind))-\(StaticBadge.encode(label))-blue)]()"
    }

    static func separator(of entry: Entry, in context: LintContext) -> String? {
        context.ruleset.ruleset.formats.first { $0.id == entry.formatID }?.separator
    }
}
