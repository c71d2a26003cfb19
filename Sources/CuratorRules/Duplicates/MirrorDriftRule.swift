import CuratorCore

/// A README row under a mirrored heading that says something else than its topic file's copy.
///
/// Lint matches each row of the mirror file (the README) under a mapped heading with its topic
/// file's copy (by arXiv id, else normalized title, else repository; with several copies, the
/// closest) and reports each field that differs, at that field, quoting both sides: the title,
/// the authors, the badges (as a set of image URLs), the links with the title link (as a set of URLs), the figure
/// (when both formats have one) and the star mark (only when the topic file uses star marks at
/// all: a list that marks recommended papers in the README alone has that as its convention).
/// Spacing and the order of badges and links do not count. There is no fix: either side may be
/// the up-to-date one.
struct MirrorDriftRule: Rule {
    static func differs(_ field: String, _ place: String, _ ours: String, _ theirs: String) -> String {
        "\(field) here and in the copy at \(place) differ: \(ours) here, \(theirs) there"
    }

    static func setDiffers(_ field: String, _ place: String, onlyHere: [String], onlyThere: [String]) -> String {
        func list(_ items: [String]) -> String {
            items.isEmpty ? "none" : items.map { DuplicateScopes.quote(shortURL($0)) }.joined(separator: ", ")
        }
        return
            "\(field) here and in the copy at \(place) differ: only here \(list(onlyHere)); only there \(list(onlyThere))"
    }

    static func starDiffers(_ place: String, here: Bool) -> String {
        here
            ? "this row has the star mark but its copy at \(place) has not"
            : "the copy at \(place) has the star mark but this row has not"
    }

    static let description = RuleDescription(
        id: "mirror-drift",
        summary: "README copies of topic-file rows say the same as the topic file.",
        rationale: """
            The README repeats the recent rows of every topic file. When a venue, a code link or \
            a corrected title is added to one copy only, readers of the README and of the topic \
            file see different facts about the same paper.
            """,
        severity: .warning,
        triggering: [
            Example(
                """
                ### Network Pruning / Sparsity
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |↓[![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]() <br> [↓Wanda: Pruning LLMs](https://arxiv.org/abs/2306.11695) <br> ↓Mingjie Sun |<img src="↓figures/wanda.png"> |[Paper](https://arxiv.org/abs/2306.11695)|

                """,
                path: "README.md",
                otherFiles: [
                    "pruning.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Wanda: Pruning LLMs by Weights and Activations](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun, Zhuang Liu |<img src="figures/wanda_method.png"> |[Paper](https://arxiv.org/abs/2306.11695)|

                    """
                ]),
            Example(
                """
                ### Efficient Fine-tuning
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[LoRMA: Low-Rank Multiplicative Adaptation](https://arxiv.org/abs/2506.07621) <br> Harsh Bihany |<img src="figures/lorma.png"> |↓[Paper](https://arxiv.org/abs/2506.07621)|

                """,
                path: "README.md",
                otherFiles: [
                    "tuning.md": """
                    * [LoRMA: Low-Rank Multiplicative Adaptation](https://arxiv.org/abs/2506.07621). Harsh Bihany. [[Paper]](https://arxiv.org/abs/2506.07621)[[Github]](https://github.com/Exploration-Lab/LoRMA)

                    """
                ]),
            Example(
                """
                ### Quantization
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |↓:star: [AWQ](https://arxiv.org/abs/2306.00978) <br> Ji Lin | |[Paper](https://arxiv.org/abs/2306.00978)|

                """,
                path: "README.md",
                otherFiles: [
                    "quantization.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |:star: [GPTQ](https://arxiv.org/abs/2210.17323) <br> Elias Frantar | |[Paper](https://arxiv.org/abs/2210.17323)|
                    |[AWQ](https://arxiv.org/abs/2306.00978) <br> Ji Lin | |[Paper](https://arxiv.org/abs/2306.00978)|

                    """
                ]),
        ],
        nonTriggering: [
            Example(
                """
                ### Quantization
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |:star: [AWQ:  Activation-aware   Weight Quantization](https://arxiv.org/abs/2306.00978) <br> Ji Lin,  Jiaming Tang |<img src="figures/awq.png"> |[Github](https://github.com/mit-han-lab/llm-awq) <br> [Paper](https://arxiv.org/abs/2306.00978)|

                """,
                path: "README.md",
                otherFiles: [
                    "quantization.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[AWQ: Activation-aware Weight Quantization](https://arxiv.org/abs/2306.00978) <br> Ji Lin, Jiaming Tang |<img src="figures/awq.png"> |[Paper](https://arxiv.org/abs/2306.00978) <br> [Github](https://github.com/mit-han-lab/llm-awq)|

                    """
                ]),
            Example(
                """
                ### Hardware/System/Serving
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[TPI-LLM](https://arxiv.org/abs/2410.00531) <br> Zonghang Li |<img src="https://arxiv.org/html/2410.00531v1/x4.png"> |[Github](https://github.com/Lizonghang/TPI-LLM) <br> [Paper](https://arxiv.org/abs/2410.00531)|

                """,
                path: "README.md",
                otherFiles: [
                    "hardware.md": """
                    * [TPI-LLM](https://arxiv.org/abs/2410.00531). Zonghang Li. [[Paper]](https://arxiv.org/abs/2410.00531)[[Github]](https://github.com/Lizonghang/TPI-LLM)

                    """
                ]),
            Example(
                """
                ### Efficient MOE
                | Title & Authors | Introduction | Links |
                |:--|:--:|:--:|
                |[Mixture of Cache-Conditional Experts](https://arxiv.org/abs/2412.00099) <br> Andrii Skliar |<img src="figures/cacheprior.png"> |[Paper](https://arxiv.org/abs/2412.00099)|

                """,
                path: "README.md",
                otherFiles: [
                    "efficient_moe.md": """
                    | Title & Authors | Introduction | Links |
                    |:--|:--:|:--:|
                    |[Mixture of Cache-Conditional Experts](https://arxiv.org/abs/2412.00099) <br> Andrii Skliar |<img src="https://arxiv.org/html/2412.00099v1/x1.png"> |[Paper](https://arxiv.org/abs/2412.00099)|
                    |[Mixture of Cache-Conditional Experts](https://arxiv.org/abs/2412.00099) <br> Andrii Skliar |<img src="figures/cacheprior.png"> |[Paper](https://arxiv.org/abs/2412.00099)|

                    """
                ]),
        ]
    )

    /// One field that differs: where to point in the README row and what to say.
    struct Difference {
        var offset: Int
        var message: String
    }

    /// The fields of an entry as the comparison sees them. Two entries with equal profiles differ
    /// from any third entry in the same number of fields, so the README row's closest copy is
    /// found by counting differences once per pair of distinct profiles: with a paper listed many
    /// times, comparing every row with every copy field by field grew with the square of the
    /// copies.
    struct Profile: Hashable {
        var starred: Bool
        /// Whether the star mark counts (the entry's file uses star marks at all).
        var comparesStars: Bool
        var badges: Set<String>
        var title: String
        var authors: String
        /// The figure, nil when the entry's format has no figure column.
        var image: String?
        var links: Set<String>

        init(_ entry: Entry, scopes: DuplicateScopes, comparesStars: Bool) {
            starred = entry.starMark != nil
            self.comparesStars = comparesStars
            badges = Set(entry.badges.map { $0.imageURL.trimmedOfWhitespace() })
            title = DuplicateScopes.collapsed((entry.title ?? entry.name)?.text ?? "")
            authors = DuplicateScopes.collapsed(entry.authors?.text ?? "")
            image = scopes.hasImageColumn(entry) ? DuplicateScopes.collapsed(entry.image?.text ?? "") : nil
            links = Set(([entry.titleLink].compactMap { $0 } + entry.links).map { $0.url.trimmedOfWhitespace() })
        }

        /// How many differences `differences` reports between a README row of this profile and a
        /// copy of `theirs`.
        func differenceCount(to theirs: Profile) -> Int {
            var count = 0
            if theirs.comparesStars, starred != theirs.starred { count += 1 }
            if badges != theirs.badges { count += 1 }
            if title != theirs.title { count += 1 }
            if authors != theirs.authors { count += 1 }
            if let mine = image, let other = theirs.image, mine != other { count += 1 }
            if links != theirs.links { count += 1 }
            return count
        }
    }

    func check(_ context: LintContext) -> [Finding] {
        let scopes = DuplicateScopes.shared(context)
        let entries = context.catalog.entries
        var starringFiles: [String: Bool] = [:]
        context.catalog.forEachEntry { entry in if entry.starMark != nil { starringFiles[entry.file] = true } }
        // Sized for the list up front: growing the table of profiles was a seventh of the rule.
        var profileNumbers: [Profile: Int] = Dictionary(minimumCapacity: entries.count)
        var profiles: [Profile] = []
        var profileOfEntry: [Int: Int] = Dictionary(minimumCapacity: entries.count)
        func profile(_ index: Int) -> Int {
            if let known = profileOfEntry[index] { return known }
            let entry = entries[index]
            let profile = Profile(entry, scopes: scopes, comparesStars: starringFiles[entry.file] ?? false)
            let number: Int
            if let known = profileNumbers[profile] {
                number = known
            } else {
                number = profiles.count
                profiles.append(profile)
                profileNumbers[profile] = number
            }
            profileOfEntry[index] = number
            return number
        }
        var counts: [Int: [Int: Int]] = [:]
        var findings: [Finding] = []
        for index in entries.indices {
            guard let (_, copies) = scopes.counterparts(of: index), !copies.isEmpty else { continue }
            // A README row written exactly as a copy, in the same format, reads into the same
            // fields, so that copy differs in nothing and is the closest: nothing to report.
            // Most rows of a kept list are such copies, and comparing bytes spares making
            // their profiles.
            if copies.contains(where: { Self.isVerbatimCopy(entries[index], of: entries[$0], in: context) }) {
                continue
            }
            let ours = profile(index)
            // Of several copies (a duplicate in the topic file, reported by duplicate-paper), the
            // README row is measured against the one it matches best: the first with the fewest
            // differences.
            var best: (copy: Int, count: Int)?
            for copy in copies {
                let theirs = profile(copy)
                let count: Int
                if let known = counts[ours]?[theirs] {
                    count = known
                } else {
                    count = profiles[ours].differenceCount(to: profiles[theirs])
                    counts[ours, default: [:]][theirs] = count
                }
                if best == nil || count < best!.count { best = (copy, count) }
            }
            guard let best else { continue }
            let entry = entries[index]
            let copy = entries[best.copy]
            let closest = Self.differences(
                entry, copy, scopes: scopes, compareStars: starringFiles[copy.file] ?? false)
            for difference in closest {
                var finding = context.finding(
                    Self.self, file: entry.file, offset: difference.offset, message: difference.message)
                finding.related = [context.location(of: copy)]
                findings.append(finding)
            }
        }
        return findings
    }

    static func differences(_ ours: Entry, _ theirs: Entry, scopes: DuplicateScopes, compareStars: Bool) -> [Difference]
    {
        let place = DuplicateScopes.place(of: theirs, from: ours)
        let anchor = DuplicateScopes.anchor(of: ours)
        var found: [Difference] = []

        func compareText(_ field: String, _ mine: TextField?, _ other: TextField?) {
            let a = DuplicateScopes.collapsed(mine?.text ?? "")
            let b = DuplicateScopes.collapsed(other?.text ?? "")
            guard a != b else { return }
            let (quotedA, quotedB) = DuplicateScopes.quoteDifference(a, b)
            found.append(
                Difference(offset: mine?.range.lowerBound ?? anchor, message: differs(field, place, quotedA, quotedB)))
        }

        // A set that only lacks members is reported at `missingAt`, where they would be added.
        func compareSets(_ field: String, _ mine: [(url: String, offset: Int)], _ other: [String], missingAt: Int?) {
            let here = mine.map { $0.url.trimmedOfWhitespace() }
            let there = other.map { $0.trimmedOfWhitespace() }
            let onlyHere = here.filter { !there.contains($0) }
            let onlyThere = there.filter { !here.contains($0) }
            guard !onlyHere.isEmpty || !onlyThere.isEmpty else { return }
            let offset = zip(mine, here).first { onlyHere.contains($0.1) }?.0.offset ?? missingAt ?? anchor
            found.append(
                Difference(offset: offset, message: setDiffers(field, place, onlyHere: onlyHere, onlyThere: onlyThere)))
        }

        if compareStars, (ours.starMark != nil) != (theirs.starMark != nil) {
            found.append(
                Difference(
                    offset: ours.starMark?.lowerBound ?? anchor, message: starDiffers(place, here: ours.starMark != nil)
                ))
        }
        compareSets(
            "badges", ours.badges.map { ($0.imageURL, $0.range.lowerBound) }, theirs.badges.map(\.imageURL),
            missingAt: ours.badges.first?.range.lowerBound)
        compareText("title", ours.title ?? ours.name, theirs.title ?? theirs.name)
        compareText("authors", ours.authors, theirs.authors)
        if scopes.hasImageColumn(ours), scopes.hasImageColumn(theirs) {
            compareText("figure", ours.image, theirs.image)
        }
        // The title link is a link too: a README title pointing elsewhere than the topic file's is drift.
        compareSets(
            "links", ([ours.titleLink].compactMap { $0 } + ours.links).map { ($0.url, $0.range.lowerBound) },
            ([theirs.titleLink].compactMap { $0 } + theirs.links).map(\.url),
            missingAt: ours.links.first?.range.lowerBound)
        return found
    }

    /// Whether two entries have the same format and the same source bytes.
    static func isVerbatimCopy(_ entry: Entry, of copy: Entry, in context: LintContext) -> Bool {
        guard entry.formatID == copy.formatID, entry.range.count == copy.range.count,
            let ours = context.workspace.document(named: entry.file)?.source.bytes,
            let theirs = context.workspace.document(named: copy.file)?.source.bytes
        else { return false }
        return ours[entry.range].elementsEqual(theirs[copy.range])
    }

    /// A URL without its scheme and shields.io host, which say nothing in a message.
    static func shortURL(_ url: String) -> String {
        var text = url
        for prefix in ["https://", "http://", "img.shields.io/"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        return text
    }
}
