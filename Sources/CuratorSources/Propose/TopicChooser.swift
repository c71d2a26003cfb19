import CuratorCore
import Foundation

/// Ranks the topic files of a list for a new paper by how much the paper reads like each file's
/// own entries, so that placement is learned from the list rather than from a hand-written map.
///
/// Each topic file is a bag of the words of its entries' titles, and a paper is scored by
/// multinomial naive Bayes: the sum, over the paper's words, of the log of how often the file uses
/// the word (add-one smoothed over the list's vocabulary). Files are not weighted by their size,
/// so a large file does not draw papers from small ones. The title's words count once each; the
/// abstract's together count as much as the title, since abstracts use many words that titles do
/// not. The ruleset's keyword map, where there is one, is a prior: each keyword in the title adds
/// 2 to its topic's log score, each in the abstract 0.5. Every paper gets a file: with no word in
/// common with the list, the keyword prior and then the order of the topics decide.
///
/// The confidence is the top file's share of the per-word likelihoods (the softmax of the scores
/// divided by the number of words), a guide to how clear the choice was rather than a calibrated
/// probability.
public struct TopicChooser: Sendable {
    /// A file new papers can go to: a topic of the ruleset's map, or a file of the list.
    public struct Topic: Sendable, Hashable {
        public var name: String
        public var file: String
        public var heading: String?
        public var keywords: [String]

        public init(name: String, file: String, heading: String? = nil, keywords: [String] = []) {
            self.name = name
            self.file = file
            self.heading = heading
            self.keywords = keywords
        }
    }

    public struct Scored: Sendable {
        public var topic: Topic
        public var score: Double
        public var confidence: Double
        /// How much more likely the paper's words are in this file than in a file that uses every
        /// word of the list equally, per word: above 0 the paper reads like the file, at or below
        /// 0 like nothing in the list. Unlike `score`, it compares papers of different lengths,
        /// which is what `discover` ranks by.
        public var relevance: Double
    }

    static let titleKeywordPrior = 2.0
    static let abstractKeywordPrior = 0.5

    public let topics: [Topic]
    /// Word counts per topic file, and each file's total.
    private var counts: [[String: Int]]
    private var totals: [Int]
    private var vocabulary: Set<String>

    /// - Parameter topics: the files to choose among; their entries in `workspace` are what is learned.
    public init(topics: [Topic], workspace: Workspace) {
        self.topics = topics
        counts = Array(repeating: [:], count: topics.count)
        totals = Array(repeating: 0, count: topics.count)
        vocabulary = []
        for (position, title) in Self.titles(of: topics, in: workspace) {
            add(Self.words(title), to: position, sign: 1)
        }
    }

    /// Learns from the workspace's own topics (see `topics(of:)`).
    public init(workspace: Workspace) {
        self.init(topics: Self.topics(of: workspace), workspace: workspace)
    }

    /// The title of every entry of a topic file, with the topic's position.
    static func titles(of topics: [Topic], in workspace: Workspace) -> [(Int, String)] {
        let byFile = Dictionary(
            topics.enumerated().map { ($0.element.file, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var positions: [String: Int] = [:]
        for document in workspace.documents {
            positions[document.document.path] = byFile[document.relativePath]
        }
        return workspace.catalog.entries.compactMap { entry in
            guard let position = positions[entry.file], let title = entry.title?.text else { return nil }
            return (position, title)
        }
    }

    /// The topics of the ruleset's map whose files this list has, with entries; for a list without
    /// a map (or none of whose files it has), every file with entries except the mirror file,
    /// named by their file names. A mapped file the list lacks is left out, since a paper placed
    /// there would have no section to go into.
    public static func topics(of workspace: Workspace) -> [Topic] {
        let ruleset = workspace.ruleset.ruleset
        var filesWithEntries: Set<String> = []
        for document in workspace.documents {
            let path = document.document.path
            if workspace.catalog.entries.contains(where: { $0.file == path }) {
                filesWithEntries.insert(document.relativePath)
            }
        }
        let mapped = (ruleset.propose?.topics ?? []).filter { filesWithEntries.contains($0.file) }
        if !mapped.isEmpty {
            return mapped.map { Topic(name: $0.name, file: $0.file, heading: $0.heading, keywords: $0.keywords) }
        }
        var seen: Set<String> = []
        var result: [Topic] = []
        for document in workspace.documents where document.relativePath != ruleset.mirrors?.file {
            guard filesWithEntries.contains(document.relativePath), seen.insert(document.relativePath).inserted
            else { continue }
            let name = (document.relativePath as NSString).deletingPathExtension
            result.append(Topic(name: name, file: document.relativePath))
        }
        return result
    }

    /// The topics, best first.
    public func rank(title: String, abstract: String = "") -> [Scored] {
        let titleWords = Self.words(title)
        let abstractWords = Self.words(abstract)
        let abstractWeight = abstractWords.isEmpty ? 0 : Double(max(titleWords.count, 1)) / Double(abstractWords.count)
        let normalizedTitle = " " + TitleNormalizer.normalize(title) + " "
        let normalizedAbstract = " " + TitleNormalizer.normalize(abstract) + " "
        let size = Double(vocabulary.count + 1)
        var scores: [Double] = []
        for (position, topic) in topics.enumerated() {
            let total = Double(totals[position])
            func logLikelihood(_ word: String) -> Double {
                log((Double(counts[position][word] ?? 0) + 1) / (total + size))
            }
            var score = titleWords.reduce(0) { $0 + logLikelihood($1) }
            score += abstractWords.reduce(0) { $0 + abstractWeight * logLikelihood($1) }
            for keyword in topic.keywords {
                let word = " " + TitleNormalizer.normalize(keyword) + " "
                if normalizedTitle.contains(word) { score += Self.titleKeywordPrior }
                if normalizedAbstract.contains(word) { score += Self.abstractKeywordPrior }
            }
            scores.append(score)
        }
        let length = Double(max(titleWords.count + (abstractWords.isEmpty ? 0 : titleWords.count), 1))
        let top = scores.max() ?? 0
        let shares = scores.map { exp(($0 - top) / length) }
        let sum = shares.reduce(0, +)
        let uniform = titleWords.isEmpty ? 0 : length * log(size)
        return topics.indices.map {
            Scored(
                topic: topics[$0], score: scores[$0], confidence: shares[$0] / sum,
                relevance: (scores[$0] + uniform) / length)
        }
        .enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// Leave-one-out on the list itself: each entry of a topic file is taken out, ranked by its
    /// title against the list without it, and counted right when its own file comes first.
    /// A paper listed in several topic files is taken out of all of them, and any of them is right.
    public static func leaveOneOut(topics: [Topic], workspace: Workspace) -> (right: Int, total: Int) {
        let full = TopicChooser(topics: topics, workspace: workspace)
        let titles = titles(of: topics, in: workspace)
        // A paper listed twice is taken out twice; a paper in two files is right in either.
        var homes: [String: [Int]] = [:]
        for (position, title) in titles { homes[TitleNormalizer.normalize(title), default: []].append(position) }
        var right = 0
        for (position, title) in titles {
            let listed = homes[TitleNormalizer.normalize(title)] ?? [position]
            var without = full
            for home in listed { without.add(words(title), to: home, sign: -1) }
            if let best = without.rank(title: title).first, let index = topics.firstIndex(of: best.topic),
                listed.contains(index)
            {
                right += 1
            }
        }
        return (right, titles.count)
    }

    /// Finds the topic a user named: its name, its file, or its heading, without case.
    public func named(_ text: String) -> Topic? {
        let wanted = text.lowercased()
        return topics.first { topic in
            [topic.name, topic.file, topic.heading].compactMap { $0?.lowercased() }.contains(wanted)
                || topic.file.lowercased() == wanted + ".md"
        }
    }

    private mutating func add(_ words: [String], to position: Int, sign: Int) {
        for word in words {
            counts[position][word, default: 0] += sign
            if sign > 0 { vocabulary.insert(word) }
        }
        totals[position] += sign * words.count
    }

    /// Words that say nothing about a topic of this field, or about any topic.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "via", "by", "from", "is", "are", "be", "as",
        "at", "or", "its", "their", "towards", "toward", "we", "our", "language", "model", "models", "large", "llm",
        "llms",
    ]

    /// The words of a text, lowercased, without stop words, with common suffixes cut so that
    /// "quantization", "quantized" and "quantizing" count as one word.
    static func words(_ text: String) -> [String] {
        TitleNormalizer.normalize(text).split(separator: " ").compactMap { piece in
            let word = String(piece)
            guard !stopWords.contains(word) else { return nil }
            for suffix in ["ization", "ation", "ing", "ed", "es", "s"]
            where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
                return String(word.dropLast(suffix.count))
            }
            return word
        }
    }
}
