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
        /// The title's number; -1 when the entry has no title (it is never compared).
        var title = -1
        var hasArxivID = false
        /// The repository key and the primary URL, numbered; -1 when the entry has none. The
        /// primary URL is only numbered for entries without an arXiv id, the only ones whose
        /// links are compared.
        var repository = -1
        var primaryURL = -1
    }

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        let catalog = context.catalog
        let all = catalog.entries
        var facts = [Facts](repeating: Facts(), count: all.count)

        // Distinct titles, repository keys and arXiv ids come from the catalog's indexes, which
        // group entries by the same string equality as a dictionary here would: hashing every
        // title and building every repository key again was a tenth of the rule. The indexes'
        // order changes from run to run, and nothing below depends on the order of titles.
        var titles: [String] = []
        var titleCounts: [Int] = []
        titles.reserveCapacity(catalog.byTitle.count)
        titleCounts.reserveCapacity(catalog.byTitle.count)
        for (title, members) in catalog.byTitle {
            for member in members { facts[member].title = titles.count }
            titles.append(title)
            titleCounts.append(members.count)
        }
        for (number, members) in catalog.byRepository.values.enumerated() {
            for member in members { facts[member].repository = number }
        }
        for members in catalog.byArxivID.values {
            for member in members { facts[member].hasArxivID = true }
        }
        var urlNumbers: [String: Int] = [:]
        var index = -1
        // Entries are lent in catalog order instead of copied.
        catalog.forEachEntry { entry in
            index += 1
            guard facts[index].title >= 0, !facts[index].hasArxivID, let url = Self.primaryURL(entry) else { return }
            if let known = urlNumbers[url] {
                facts[index].primaryURL = known
            } else {
                facts[index].primaryURL = urlNumbers.count
                urlNumbers[url] = urlNumbers.count
            }
        }
        let indexes = all.indices.filter { facts[$0].title >= 0 }
        var order = [Int](repeating: 0, count: all.count)
        for (position, index) in scopes.sorted(indexes).enumerated() { order[index] = position }
        let lengths = titles.map(TitleSimilarity.length(of:))

        // The buckets, end to end in one array, each key's entries in catalog order: a table of
        // arrays by key cost an allocation per key and a hash per entry and key.
        let blocker = TitleBlocker(titles: titles, counts: titleCounts)
        var titleKeys: [Int32] = []
        titleKeys.reserveCapacity(5 * titles.count)
        var titleKeyStarts = [0]
        titleKeyStarts.reserveCapacity(titles.count + 1)
        var bucketStarts = [Int](repeating: 0, count: blocker.keyCount + 1)
        for title in titles.indices {
            blocker.forEachKey(ofTitle: title) { key in
                titleKeys.append(Int32(key))
                bucketStarts[key + 1] += titleCounts[title]
            }
            titleKeyStarts.append(titleKeys.count)
        }
        for key in 0..<blocker.keyCount { bucketStarts[key + 1] += bucketStarts[key] }
        var bucketMembers = [Int](repeating: 0, count: bucketStarts[blocker.keyCount])
        var bucketEnds = bucketStarts
        for index in indexes {
            let title = facts[index].title
            for key in titleKeys[titleKeyStarts[title]..<titleKeyStarts[title + 1]] {
                bucketMembers[bucketEnds[Int(key)]] = index
                bucketEnds[Int(key)] += 1
            }
        }

        // For each later entry, the earliest earlier entry it is close to (-1 for none). The
        // earliest wins whatever order the pairs are met in, so buckets may be visited in any order.
        var originals = [Int](repeating: -1, count: all.count)
        var preparedTitles = [TitleSimilarity.Prepared?](repeating: nil, count: titles.count)
        func prepared(_ title: Int) -> TitleSimilarity.Prepared {
            if let known = preparedTitles[title] { return known }
            let made = TitleSimilarity.Prepared(titles[title])
            preparedTitles[title] = made
            return made
        }
        // Whether two titles are close, by original title × title count + copy title.
        var closeness: [Int: Bool] = [:]
        var bucket: [Int] = []
        var bucketFacts: [Facts] = []
        var bucketLengths: [Int] = []
        for key in 0..<blocker.keyCount where bucketStarts[key + 1] - bucketStarts[key] > 1 {
            // The bucket by title length, shortest first, equal lengths in catalog order: an
            // insertion sort, since a bucket holds at most `maxBucket` entries.
            bucket.removeAll(keepingCapacity: true)
            bucketFacts.removeAll(keepingCapacity: true)
            bucketLengths.removeAll(keepingCapacity: true)
            for member in bucketMembers[bucketStarts[key]..<bucketStarts[key + 1]] {
                let memberFacts = facts[member]
                let length = lengths[memberFacts.title]
                var position = bucket.count
                bucket.append(member)
                bucketFacts.append(memberFacts)
                bucketLengths.append(length)
                while position > 0, bucketLengths[position - 1] > length {
                    bucket[position] = bucket[position - 1]
                    bucketFacts[position] = bucketFacts[position - 1]
                    bucketLengths[position] = bucketLengths[position - 1]
                    position -= 1
                }
                bucket[position] = member
                bucketFacts[position] = memberFacts
                bucketLengths[position] = length
            }
            for (offset, first) in bucket.enumerated() {
                let firstFacts = bucketFacts[offset]
                let firstLength = bucketLengths[offset]
                for secondOffset in (offset + 1)..<bucket.count {
                    if bucketLengths[secondOffset] - firstLength > TitleSimilarity.maxLengthDifference { break }
                    let secondFacts = bucketFacts[secondOffset]
                    // Equal titles are never close (the exact duplicate rule reports them).
                    if secondFacts.title == firstFacts.title { continue }
                    let second = bucket[secondOffset]
                    let (original, copy, originalFacts, copyFacts) =
                        order[first] < order[second]
                        ? (first, second, firstFacts, secondFacts) : (second, first, secondFacts, firstFacts)
                    if originals[copy] >= 0, order[originals[copy]] <= order[original] { continue }
                    guard Self.mayBeOnePaper(original, originalFacts, copy, copyFacts, scopes: scopes) else { continue }
                    let pair = originalFacts.title * titles.count + copyFacts.title
                    let close: Bool
                    if let known = closeness[pair] {
                        close = known
                    } else {
                        close = TitleSimilarity.areClose(prepared(originalFacts.title), prepared(copyFacts.title))
                        closeness[pair] = close
                    }
                    if close { originals[copy] = original }
                }
            }
        }
        return all.indices.compactMap { index in
            guard originals[index] >= 0 else { return nil }
            let copy = all[index]
            let original = all[originals[index]]
            guard let ours = copy.title ?? copy.name, let theirs = original.title ?? original.name else { return nil }
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
