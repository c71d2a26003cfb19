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

    /// What the pairwise comparison needs of an entry, as numbers: a list with every paper
    /// listed many times puts dozens of entries in a bucket, and comparing strings and scopes on
    /// every pair dominated the rule's time.
    private struct Facts {
        var title: Int
        var hasArxivID: Bool
        /// The repository key and the primary URL, numbered; -1 when the entry has none.
        var repository: Int
        var primaryURL: Int
    }

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        let all = context.catalog.entries
        let indexes = all.indices.filter { all[$0].normalizedTitle.map { !$0.isEmpty } ?? false }
        var order = [Int](repeating: 0, count: all.count)
        for (position, index) in scopes.sorted(indexes).enumerated() { order[index] = position }

        // Distinct titles, each read once however many entries carry it.
        // Sized for the list up front: growing these tables as titles come in was a tenth of the rule.
        var titleNumbers: [String: Int] = Dictionary(minimumCapacity: all.count)
        var titles: [String] = []
        var titleCounts: [Int] = []
        var names: [String: Int] = Dictionary(minimumCapacity: 2 * all.count)
        func number(_ text: String?) -> Int {
            guard let text else { return -1 }
            if let known = names[text] { return known }
            names[text] = names.count
            return names.count - 1
        }
        // Facts by catalog index, in an array: the bucket sort below reads them in its comparisons.
        var facts = [Facts?](repeating: nil, count: all.count)
        var index = -1
        // Entries are lent in catalog order, the order of `indexes`, instead of copied.
        context.catalog.forEachEntry { entry in
            index += 1
            guard let title = entry.normalizedTitle, !title.isEmpty else { return }
            let titleNumber: Int
            if let known = titleNumbers[title] {
                titleNumber = known
            } else {
                titleNumber = titles.count
                titleNumbers[title] = titleNumber
                titles.append(title)
            }
            if titleNumber == titleCounts.count { titleCounts.append(0) }
            titleCounts[titleNumber] += 1
            // Repository keys and URLs share one numbering; a key never looks like a URL, and
            // equal numbers mean equal strings either way.
            facts[index] = Facts(
                title: titleNumber, hasArxivID: entry.arxivID != nil, repository: number(entry.repository?.key),
                primaryURL: number(Self.primaryURL(entry)))
        }
        let lengths = titles.map(\.count)
        let blocker = TitleBlocker(titles: titles, counts: titleCounts)
        var buckets: [Int: [Int]] = Dictionary(minimumCapacity: 4 * titles.count)
        var keysOfTitle: [[Int]] = titles.indices.map { blocker.keys(ofTitle: $0) }
        for index in indexes {
            for key in keysOfTitle[facts[index]!.title] { buckets[key, default: []].append(index) }
        }
        keysOfTitle = []

        // For each later entry, the earliest earlier entry it is close to. The earliest wins
        // whatever order the pairs are met in, so buckets may be visited in any order.
        var originals: [Int: Int] = [:]
        var preparedTitles = [TitleSimilarity.Prepared?](repeating: nil, count: titles.count)
        func prepared(_ title: Int) -> TitleSimilarity.Prepared {
            if let known = preparedTitles[title] { return known }
            let made = TitleSimilarity.Prepared(titles[title])
            preparedTitles[title] = made
            return made
        }
        var closeness: [Int: [Int: Bool]] = [:]
        for members in buckets.values {
            let bucket = members.sorted { lengths[facts[$0]!.title] < lengths[facts[$1]!.title] }
            let bucketFacts = bucket.map { facts[$0]! }
            for (offset, first) in bucket.enumerated() {
                let firstFacts = bucketFacts[offset]
                let firstLength = lengths[firstFacts.title]
                for secondOffset in (offset + 1)..<bucket.count {
                    let secondFacts = bucketFacts[secondOffset]
                    if lengths[secondFacts.title] - firstLength > TitleSimilarity.maxLengthDifference { break }
                    // Equal titles are never close (the exact duplicate rule reports them).
                    if secondFacts.title == firstFacts.title { continue }
                    let second = bucket[secondOffset]
                    let (original, copy, originalFacts, copyFacts) =
                        order[first] < order[second]
                        ? (first, second, firstFacts, secondFacts) : (second, first, secondFacts, firstFacts)
                    if let known = originals[copy], order[known] <= order[original] { continue }
                    guard Self.mayBeOnePaper(original, originalFacts, copy, copyFacts, scopes: scopes) else { continue }
                    let close: Bool
                    if let known = closeness[originalFacts.title]?[copyFacts.title] {
                        close = known
                    } else {
                        close = TitleSimilarity.areClose(
                            prepared(originalFacts.title), prepared(copyFacts.title))
                        closeness[originalFacts.title, default: [:]][copyFacts.title] = close
                    }
                    if close { originals[copy] = original }
                }
            }
        }
        return originals.keys.sorted().compactMap { index in
            let copy = all[index]
            guard let original = originals[index].map({ all[$0] }), let ours = copy.title ?? copy.name,
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
    private static func mayBeOnePaper(
        _ first: Int, _ firstFacts: Facts, _ second: Int, _ secondFacts: Facts, scopes: DuplicateScopes
    ) -> Bool {
        guard scopes.kindIDs[first] == scopes.kindIDs[second], scopes.comparable(first, second) else { return false }
        // Equal ids are `duplicate-paper`'s finding; different ids are different papers.
        if firstFacts.hasArxivID, secondFacts.hasArxivID { return false }
        if firstFacts.repository >= 0, secondFacts.repository >= 0, firstFacts.repository != secondFacts.repository {
            return false
        }
        if !firstFacts.hasArxivID, !secondFacts.hasArxivID, firstFacts.primaryURL >= 0, secondFacts.primaryURL >= 0,
            firstFacts.primaryURL != secondFacts.primaryURL
        {
            return false
        }
        return true
    }

    /// The link that names the entry: its title link, or its first link for named items.
    static func primaryURL(_ entry: Entry) -> String? {
        entry.titleLink?.url ?? entry.links.first?.url
    }
}
