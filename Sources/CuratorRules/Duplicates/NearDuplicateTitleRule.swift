import CuratorCore

/// Two titles that differ only slightly: probably one paper listed twice, one copy misspelled.
///
/// Lint reports an entry whose title is within a few edits of an earlier entry's title (a typo, a
/// plural, a hyphen, one word added or dropped), quoting both. It stays quiet where the two are
/// known to be different papers or are already reported: different arXiv ids, different
/// repositories, different links when neither has an arXiv id, different numbers (`Part 1` and
/// `Part 2`, `FlashAttention` and `FlashAttention-2`), identical titles or arXiv ids (the exact
/// duplicate rules report those), and a README row with its own topic file's copy (a mirror).
/// There is no fix: which spelling is right needs a reader.
struct NearDuplicateTitleRule: Rule {
    static func message(_ place: String, _ theirs: String, _ ours: String) -> String {
        "this title is close to the one at \(place): \(ours) here, \(theirs) there; the same paper listed twice?"
    }

    static let description = RuleDescription(
        id: "near-duplicate-title",
        summary: "No title is a slight variant of another.",
        rationale: """
            A paper added twice by hand rarely gets the same title twice: a hyphen, a plural or a \
            dropped word is enough to escape the exact comparison, and readers then see the \
            paper twice with diverging details.
            """,
        severity: .warning,
        triggering: [
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Sparse Fine-tuning for Inference Acceleration of Large Language Models](https://openreview.net/forum?id=abc) <br> Eldar Kurtic | | |
                |[↓Sparse Finetuning for Inference Acceleration of Large Language Model](https://arxiv.org/abs/2310.06927) <br> Eldar Kurtic | | |

                """),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[↓Accelerating Transformer Inference for Translation via Parallel Decoding](https://aclanthology.org/2023.acl-long.689) <br> Andrea Santilli | | |

                """,
                path: "pruning.md",
                otherFiles: [
                    "inference_acceleration.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Accelerating Transformer Inference for Machine Translation via Parallel Decoding](https://arxiv.org/abs/2305.10427) <br> Andrea Santilli | | |

                    """
                ]),
        ],
        nonTriggering: [
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[FlashAttention: Fast and Memory-Efficient Exact Attention](https://arxiv.org/abs/2205.14135) <br> Tri Dao | | |
                |[FlashAttention-2: Fast and Memory-Efficient Exact Attention](https://openreview.net/forum?id=mZn2Xyh9Ec) <br> Tri Dao | | |
                |[Efficient Streaming Language Models, Part 1](https://openreview.net/forum?id=p1) <br> A. Author | | |
                |[Efficient Streaming Language Models, Part 2](https://openreview.net/forum?id=p1) <br> A. Author | | |

                """),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[A Survey on Knowledge Distillation of Large Language Models](https://arxiv.org/abs/2402.13116) <br> Xiaohan Xu | | |
                |[A Survey on Symbolic Knowledge Distillation of Large Language Models](https://arxiv.org/abs/2408.10210) <br> Kamal Acharya | | |
                |[Sparse Fine-tuning for Inference Acceleration of Large Language Models](https://arxiv.org/abs/2310.06927) <br> Eldar Kurtic | | |
                |[Sparse Finetuning for Inference Acceleration of Large Language Models](https://arxiv.org/abs/2310.06927v2) <br> Eldar Kurtic | | |

                """),
            Example(
                """
                | Platform | Access |
                |:--|:--:|
                | LLMPerf Leaderboard | [[Source](https://github.com/ray-project/llmperf-leaderboard)] |
                | LLM Perf Leaderboard | [[Source](https://huggingface.co/spaces/optimum/llm-perf-leaderboard)] |

                """,
                path: "leaderboard.md"),
            Example(
                """
                ### Text Compression
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[LLMLingua: Compressing Prompts for Accelerated Inference of Large Language Model](https://aclanthology.org/2023.emnlp-main.825) <br> Huiqiang Jiang | | |

                """,
                path: "README.md",
                otherFiles: [
                    "text_compression.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[LLMLingua: Compressing Prompts for Accelerated Inference of Large Language Models](https://aclanthology.org/2023.emnlp-main.825) <br> Huiqiang Jiang | | |

                    """
                ]),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes(context)
        let entries = context.catalog.entries.filter { $0.normalizedTitle.map { !$0.isEmpty } ?? false }
        var order: [Int: Int] = [:]
        for (position, entry) in scopes.sorted(entries.map(\.index)).enumerated() { order[entry.index] = position }

        let blocker = TitleBlocker(titles: entries.compactMap(\.normalizedTitle))
        var buckets: [String: [Entry]] = [:]
        for entry in entries {
            for key in blocker.keys(entry.normalizedTitle ?? "") { buckets[key, default: []].append(entry) }
        }
        // For each later entry, the earliest earlier entry it is close to.
        var originals: [Int: Entry] = [:]
        for (_, members) in buckets.sorted(by: { $0.key < $1.key }) {
            let bucket = members.sorted { ($0.normalizedTitle?.count ?? 0) < ($1.normalizedTitle?.count ?? 0) }
            for (offset, first) in bucket.enumerated() {
                let firstLength = first.normalizedTitle?.count ?? 0
                for second in bucket[(offset + 1)...] {
                    if (second.normalizedTitle?.count ?? 0) - firstLength > TitleSimilarity.maxLengthDifference { break }
                    let (original, copy) = order[first.index]! < order[second.index]! ? (first, second) : (second, first)
                    guard Self.mayBeOnePaper(original, copy, scopes: scopes),
                        TitleSimilarity.areClose(original.normalizedTitle ?? "", copy.normalizedTitle ?? "")
                    else { continue }
                    if let known = originals[copy.index], order[known.index]! <= order[original.index]! { continue }
                    originals[copy.index] = original
                }
            }
        }
        return originals.keys.sorted().compactMap { index in
            let copy = context.catalog.entries[index]
            guard let original = originals[index], let ours = copy.title ?? copy.name,
                let theirs = original.title ?? original.name
            else { return nil }
            let (quotedOurs, quotedTheirs) = DuplicateScopes.quoteDifference(ours.text, theirs.text)
            var finding = context.finding(
                Self.self, file: copy.file, offset: DuplicateScopes.anchor(of: copy),
                message: Self.message(DuplicateScopes.place(of: original, from: copy), quotedTheirs, quotedOurs))
            finding.related = [context.location(of: original)]
            return finding
        }
    }

    /// Whether nothing says the two entries are different papers or an already reported pair.
    static func mayBeOnePaper(_ first: Entry, _ second: Entry, scopes: DuplicateScopes) -> Bool {
        guard DuplicateScopes.kind(of: first) == DuplicateScopes.kind(of: second), scopes.comparable(first, second)
        else { return false }
        // Equal ids are `duplicate-paper`'s finding; different ids are different papers.
        if first.arxivID != nil, second.arxivID != nil { return false }
        if let a = first.repository, let b = second.repository, a.key != b.key { return false }
        if first.arxivID == nil, second.arxivID == nil, let a = primaryURL(first), let b = primaryURL(second), a != b {
            return false
        }
        return true
    }

    /// The link that names the entry: its title link, or its first link for named items.
    static func primaryURL(_ entry: Entry) -> String? {
        entry.titleLink?.url ?? entry.links.first?.url
    }
}
