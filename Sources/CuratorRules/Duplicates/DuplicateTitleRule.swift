import CuratorCore

/// The same title listed twice where the arXiv ids do not already say so.
///
/// Lint reports every entry whose title, with case, punctuation and spacing set aside, an earlier
/// entry already has, unless the two share an arXiv id (`duplicate-paper` reports those): an error
/// within one file (or one mirrored README heading), a warning across two topic files. Entries
/// without an arXiv link, or with two different ones, are what this rule is for.
/// There is no fix.
struct DuplicateTitleRule: Rule {
    static func sameFile(_ place: String, _ ids: String) -> String {
        "this title is already listed at \(place)\(ids); delete one of the two rows"
    }

    static func otherFile(_ place: String, _ ids: String) -> String {
        "this title is also listed in \(place)\(ids); a paper may belong to two topics, but check that both copies are meant"
    }

    /// Two arXiv ids on one title mean one of the links is probably wrong.
    static func differentIDs(_ first: String, _ second: String) -> String {
        " with a different arXiv id (\(first) there, \(second) here); check which link is right"
    }

    static let description = RuleDescription(
        id: "duplicate-title",
        summary: "Each title is listed once per file.",
        rationale: """
            Papers without an arXiv link (conference pages, OpenReview, blogs) escape the arXiv \
            comparison; a repeated title catches them, and a title repeated with two arXiv ids \
            points at a wrong link.
            """,
        severity: .error,
        triggering: [
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Deja Vu: Contextual Sparsity for Efficient LLMs at Inference Time](https://openreview.net/forum?id=wIPIhHd00i) <br> Zichang Liu | | |
                |[↓Deja vu - contextual sparsity for efficient LLMs at inference time](https://proceedings.mlr.press/v202/liu23am.html) <br> Zichang Liu | | |

                """),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[↓Deja Vu: Contextual Sparsity for Efficient LLMs at Inference Time](https://arxiv.org/abs/2310.17157) <br> Zichang Liu | | |

                """,
                path: "pruning.md",
                otherFiles: [
                    "inference_acceleration.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Deja Vu: Contextual Sparsity for Efficient LLMs at Inference Time](https://openreview.net/forum?id=wIPIhHd00i) <br> Zichang Liu | | |

                    """
                ]),
        ],
        nonTriggering: [
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|
                |[Wanda](https://arxiv.org/abs/2306.11695v2) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695v2)|

                """),
            Example(
                """
                ### Inference Acceleration
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Deja Vu: Contextual Sparsity for Efficient LLMs at Inference Time](https://openreview.net/forum?id=wIPIhHd00i) <br> Zichang Liu | | |

                """,
                path: "README.md",
                otherFiles: [
                    "inference_acceleration.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Deja Vu: Contextual Sparsity for Efficient LLMs at Inference Time](https://openreview.net/forum?id=wIPIhHd00i) <br> Zichang Liu | | |

                    """
                ]),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        var findings: [Finding] = []
        for title in context.catalog.byTitle.keys.sorted() {
            guard let indexes = context.catalog.byTitle[title], indexes.count > 1 else { continue }
            var seen: [Int] = []
            for index in scopes.sorted(indexes) {
                defer { seen.append(index) }
                let entry = context.catalog.entries[index]
                let candidates = seen.filter {
                    scopes.kindIDs[$0] == scopes.kindIDs[index] && scopes.comparable($0, index)
                }
                // An entry that repeats an earlier one's arXiv id is `duplicate-paper`'s finding.
                if let id = entry.arxivID, candidates.contains(where: { context.catalog.entries[$0].arxivID == id }) {
                    continue
                }
                let sameScope = candidates.first { scopes.sameScope($0, index) }
                guard let originalIndex = sameScope ?? candidates.first else { continue }
                let original = context.catalog.entries[originalIndex]
                var ids = ""
                if let theirs = original.arxivID, let ours = entry.arxivID {
                    ids = Self.differentIDs(theirs.base, ours.base)
                }
                let place = DuplicateScopes.place(of: original, from: entry)
                var finding = context.finding(
                    Self.self, file: entry.file, offset: DuplicateScopes.anchor(of: entry),
                    message: sameScope != nil ? Self.sameFile(place, ids) : Self.otherFile(place, ids))
                if sameScope == nil { finding.severity = .warning }
                finding.related = [context.location(of: original)]
                findings.append(finding)
            }
        }
        return findings
    }
}
