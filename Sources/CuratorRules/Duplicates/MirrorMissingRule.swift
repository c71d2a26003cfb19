import CuratorCore

/// A README row under a mirrored heading whose topic file does not list the paper.
///
/// Lint reports each row of the mirror file (the README) under a heading the ruleset maps to a
/// topic file when that file has no entry with the row's arXiv id, normalized title or
/// repository, and names where else the list has the paper, if anywhere. It says nothing when the
/// topic file is not among the files linted. There is no fix: the row may belong in the topic
/// file, under another heading, or nowhere.
struct MirrorMissingRule: Rule {
    static func message(_ topicFile: String, _ elsewhere: [String]) -> String {
        let also = elsewhere.isEmpty ? "" : "; the list has it at \(elsewhere.joined(separator: ", "))"
        return "this row is not in \(topicFile), which this heading copies\(also)"
    }

    static let description = RuleDescription(
        id: "mirror-missing",
        summary: "Every README row under a mirrored heading is in its topic file.",
        rationale: """
            The README shows the recent rows of each topic file; a row found only in the README \
            disappears from the full list once it is no longer recent, and often sits under the \
            wrong heading.
            """,
        severity: .warning,
        triggering: [
            Example(
                """
                ### Network Pruning / Sparsity
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|
                |[↓SparseGPT](https://arxiv.org/abs/2301.00774) <br> Elias Frantar | |[Paper](https://arxiv.org/abs/2301.00774)|
                ### Efficient Training
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[↓Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                """,
                path: "README.md",
                otherFiles: [
                    "pruning.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                    """,
                    "efficient_training.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|

                    """,
                ])
        ],
        nonTriggering: [
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
                    |[Deja vu: contextual sparsity for efficient LLMs at inference time](https://openreview.net/forum?id=wIPIhHd00i) <br> Zichang Liu | | |

                    """
                ]),
            Example(
                """
                ### Quantization
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[GPTQ](https://arxiv.org/abs/2210.17323) <br> Elias Frantar | | |

                """,
                path: "README.md"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        var findings: [Finding] = []
        context.catalog.forEachEntry { entry in
            guard let (topicFile, copies) = scopes.counterparts(of: entry.index), copies.isEmpty else { return }
            var others: [Int] = []
            if let id = entry.arxivID { others = context.catalog.byArxivID[id] ?? [] }
            if others.count < 2, let title = entry.normalizedTitle { others = context.catalog.byTitle[title] ?? [] }
            let elsewhere = scopes.sorted(others).filter { $0 != entry.index }.map { index in
                let other = context.catalog.entries[index]
                return DuplicateScopes.place(of: other, from: entry)
                    + (scopes.isMirror(index) ? " (under \"\(other.section ?? "")\")" : "")
            }
            findings.append(
                context.finding(
                    Self.self, file: entry.file, offset: DuplicateScopes.anchor(of: entry),
                    message: Self.message(topicFile, elsewhere)))
        }
        return findings
    }
}
