import CuratorCore

/// The same arXiv paper listed twice.
///
/// Lint reports every entry whose arXiv id (version aside) an earlier entry already has: as an
/// error when both sit in the same file (or under the same mirrored heading of the README), as a
/// warning when they sit in two topic files, naming the other copy. README rows under a mirrored
/// heading are copies of their topic file by design and are not compared with other files.
/// There is no fix: which copy to keep is the maintainer's choice.
struct DuplicatePaperRule: Rule {
    static func sameFile(_ id: String, _ place: String) -> String {
        "arXiv \(id) is already listed at \(place); delete one of the two rows"
    }

    static func otherFile(_ id: String, _ place: String) -> String {
        "arXiv \(id) is also listed in \(place); a paper may belong to two topics, but check that both copies are meant"
    }

    /// When the two titles share few words they name two papers: the link of one is wrong.
    static func wrongLink(_ id: String, _ place: String, _ title: String) -> String {
        "arXiv \(id) is also the link of \(title) at \(place), a different title; one of the two links is probably wrong"
    }

    /// Whether two normalized titles share fewer than half of the shorter one's words.
    static func differ(_ first: String, _ second: String) -> Bool {
        let one = Set(first.split(separator: " "))
        let other = Set(second.split(separator: " "))
        let shorter = min(one.count, other.count)
        guard shorter > 0 else { return false }
        return one.intersection(other).count * 2 < shorter
    }

    /// Added when the two copies carry different titles, one of which is then probably stale.
    static func titled(_ title: String) -> String {
        "; the other copy is titled \(title)"
    }

    /// Bold-title bullets in a list whose duplicates count within a section only.
    static let sectionScope = """
        formats:
          - {id: bold-item, kind: bullet, files: ["*.md"], marker: "-", fields: [title, links], title-style: bold}
        links: {pdf: paper}
        duplicates: {scope: section}
        """

    static let description = RuleDescription(
        id: "duplicate-paper",
        summary: "Each paper is listed once per file.",
        rationale: """
            A paper listed twice in a topic doubles its weight, and the two rows drift apart as \
            only one of them is updated. The same paper in two topic files can be intended, so it \
            is a warning there; the README's copies of recent rows are intended and not reported.
            """,
        severity: .error,
        triggering: [
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda: Pruning by Weights and Activations](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|
                |[↓Wanda: Pruning by Weights and Activations](https://arxiv.org/abs/2306.11695v2) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695v2)|

                """),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[↓MiniLLM: Knowledge Distillation of Large Language Models](https://arxiv.org/abs/2306.08543) <br> Yuxian Gu | |[Paper](https://arxiv.org/abs/2306.08543)|

                """,
                otherFiles: [
                    "knowledge_distillation.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[MiniLLM: Knowledge Distillation of Large Language Models](https://arxiv.org/abs/2306.08543) <br> Yuxian Gu | |[Paper](https://arxiv.org/abs/2306.08543)|

                    """
                ]),
            Example(
                """
                ### Network Pruning / Sparsity
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|
                |[↓Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                """,
                path: "README.md",
                otherFiles: [
                    "pruning.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                    """
                ]),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda: Pruning by Weights and Activations](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|
                |[↓SparseGPT: One-Shot Pruning of Large Language Models](https://arxiv.org/abs/2306.11695) <br> Elias Frantar | |[Paper](https://arxiv.org/abs/2306.11695)|

                """),
            Example(
                """
                ## Trending
                - **Wanda: Pruning by Weights and Activations** [[pdf](https://arxiv.org/abs/2306.11695)]
                ## Pruning
                - **Wanda: Pruning by Weights and Activations** [[pdf](https://arxiv.org/abs/2306.11695)]
                - **↓Wanda: Pruning by Weights and Activations** [[pdf](https://arxiv.org/abs/2306.11695)]

                """,
                path: "README.md",
                config: sectionScope),
        ],
        nonTriggering: [
            Example(
                """
                ## Trending
                - **Wanda: Pruning by Weights and Activations** [[pdf](https://arxiv.org/abs/2306.11695)]
                ## Pruning
                - **Wanda: Pruning by Weights and Activations** [[pdf](https://arxiv.org/abs/2306.11695)]

                """,
                path: "README.md",
                config: sectionScope),
            Example(
                """
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[FlashAttention](https://arxiv.org/abs/2205.14135) <br> Tri Dao | |[Paper](https://arxiv.org/abs/2205.14135)|
                |[FlashAttention-2](https://arxiv.org/abs/2307.08691) <br> Tri Dao | |[Paper](https://arxiv.org/abs/2307.08691)|

                """),
            Example(
                """
                ### Network Pruning / Sparsity
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                """,
                path: "README.md",
                otherFiles: [
                    "pruning.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                    """,
                    "quantization.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Wanda](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|

                    """,
                ]),
            Example(
                """
                * **vllm**: A high-throughput inference and serving engine for LLMs. [[link]](https://github.com/vllm-project/vllm)[[paper]](https://arxiv.org/abs/2309.06180)

                """,
                path: "project/readme.md",
                otherFiles: [
                    "hardware.md": """
                    * [Efficient Memory Management for Large Language Model Serving with PagedAttention](https://arxiv.org/abs/2309.06180). Woosuk Kwon. [[Paper]](https://arxiv.org/abs/2309.06180)

                    """
                ]),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        var findings: [Finding] = []
        // Entries are read through the buffer, which lends them: `entries[index]` copied every
        // string and array of an entry for each of thousands of findings.
        context.catalog.entries.withUnsafeBufferPointer { entries in
            for id in context.catalog.byArxivID.keys.sorted() {
                guard let indexes = context.catalog.byArxivID[id], indexes.count > 1 else { continue }
                var seen: [Int] = []
                for index in scopes.sorted(indexes) {
                    defer { seen.append(index) }
                    let candidates = seen.filter {
                        scopes.kindIDs[$0] == scopes.kindIDs[index] && scopes.comparable($0, index)
                    }
                    let sameScope = candidates.first { scopes.sameScope($0, index) }
                    guard let originalIndex = sameScope ?? candidates.first else { continue }
                    let place = DuplicateScopes.place(of: entries[originalIndex], from: entries[index])
                    var message = sameScope != nil ? Self.sameFile(id.base, place) : Self.otherFile(id.base, place)
                    if let first = entries[originalIndex].normalizedTitle, let second = entries[index].normalizedTitle,
                        Self.differ(first, second), let title = entries[originalIndex].title
                    {
                        message = Self.wrongLink(id.base, place, DuplicateScopes.quote(title.text))
                    } else if entries[originalIndex].normalizedTitle != entries[index].normalizedTitle,
                        let title = entries[originalIndex].title ?? entries[originalIndex].name
                    {
                        message += Self.titled(DuplicateScopes.quote(title.text))
                    }
                    var finding = context.finding(
                        Self.self, file: entries[index].file, offset: DuplicateScopes.anchor(of: entries[index]),
                        message: message)
                    if sameScope == nil { finding.severity = .warning }
                    finding.related = [context.location(of: entries[originalIndex])]
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}
