import CuratorCore
import Foundation

/// New arXiv papers for a list: searched by category and submission date, the listed ones
/// dropped, the rest ranked by how much they read like the list's topic files.
///
/// The stages run in this order because each needs the one before: the search decides which
/// papers exist, the list decides which are new, and only new papers are worth ranking. The
/// ranking is `TopicChooser`'s, the one `propose` places by, so the file a candidate is shown with
/// is the file `curator propose ID` would write it into.
public enum Discovery {
    public struct Candidate: Sendable, Encodable, Hashable {
        public var id: String
        public var title: String
        public var file: String
        /// The best file's relevance (see `TopicChooser.Scored.relevance`): above 0, the paper
        /// reads like the file; the list is sorted by it.
        public var score: Double
        public var confidence: Double
        public var runnerUp: String?
        public var published: String
        public var categories: [String]
        public var url: String
        public var propose: String
    }

    /// The papers arXiv returned and why the search stopped early, if it did.
    public struct Search: Sendable {
        public var papers: [ArxivPaper]
        public var stop: FetchStop?
    }

    public static let pageSize = 100
    /// At most this many pages a run (1000 papers, about 30 s of arXiv's spacing).
    public static let maximumPages = 10

    /// `(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202401010000 TO 202401312359]`.
    public static func query(categories: [String], since: Date, until: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd"
        let cats = categories.map { "cat:\($0)" }.joined(separator: " OR ")
        let range = "submittedDate:[\(formatter.string(from: since))0000 TO \(formatter.string(from: until))2359]"
        return categories.count > 1 ? "(\(cats)) AND \(range)" : "\(cats) AND \(range)"
    }

    /// Pages through the search, one request at a time through the client's pacer, until the
    /// results or `maximumPages` run out.
    public static func search(
        _ query: String, client: ArxivClient, progress: (String) -> Void = { _ in }
    ) async -> Search {
        var papers: [ArxivPaper] = []
        var seen: Set<String> = []
        for page in 0..<maximumPages {
            progress("arXiv: \(papers.count) papers")
            switch await client.search(query, start: page * pageSize, maxResults: pageSize) {
            case .failure(let stop):
                return Search(papers: papers, stop: stop)
            case .success(let feed):
                for paper in feed.papers where seen.insert(paper.id.base).inserted { papers.append(paper) }
                let total = feed.totalResults ?? 0
                if feed.papers.isEmpty || (page + 1) * pageSize >= total { return Search(papers: papers, stop: nil) }
            }
        }
        return Search(papers: papers, stop: nil)
    }

    /// The papers the list does not have, by arXiv id or by title (an entry may link only its
    /// code), best first (ties by id, so the order is the same on every run), at most `limit`.
    public static func rank(_ papers: [ArxivPaper], chooser: TopicChooser, catalog: Catalog, limit: Int) -> [Candidate]
    {
        let listed = Set(catalog.entries.compactMap { $0.arxivID?.base })
        let titles = catalog.byTitle
        let new = papers.filter {
            !listed.contains($0.id.base) && titles[TitleNormalizer.normalize($0.title)] == nil
        }
        let candidates = new.compactMap { paper -> Candidate? in
            let ranked = chooser.rank(title: paper.title, abstract: paper.summary)
            guard let best = ranked.first else { return nil }
            let title = paper.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return Candidate(
                id: paper.id.base, title: title, file: best.topic.file, score: (best.relevance * 1000).rounded() / 1000,
                confidence: (best.confidence * 100).rounded() / 100, runnerUp: ranked.dropFirst().first?.topic.file,
                published: paper.published.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                categories: paper.categories, url: "https://arxiv.org/abs/\(paper.id.base)",
                propose: "curator propose \(paper.id.base)")
        }
        return Array(candidates.sorted { ($0.score, $1.id) > ($1.score, $0.id) }.prefix(limit))
    }

    public static func text(_ candidates: [Candidate]) -> String {
        guard !candidates.isEmpty else { return "No new papers.\n" }
        return candidates.map { candidate in
            "\(String(format: "%.3f", candidate.score))  \(candidate.id)  \(candidate.file)  \(candidate.title)\n"
                + "       \(candidate.propose)\n"
        }.joined()
    }

    public static func json(_ candidates: [Candidate]) -> String {
        struct Shape: Encodable { var candidates: [Candidate] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Shape(candidates: candidates))) ?? Data("{\"candidates\": []}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An issue body: one task per paper, with the command that adds it.
    public static func markdown(_ candidates: [Candidate], query: String) -> String {
        var out = "## New papers for the list\n\nFrom the arXiv search `\(query)`, best match first.\n\n"
        if candidates.isEmpty { return out + "No new papers.\n" }
        out += "| Score | Paper | File | Add it |\n|--:|:--|:--|:--|\n"
        for candidate in candidates {
            let title = candidate.title.replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            out +=
                "| \(String(format: "%.3f", candidate.score)) | [\(title)](\(candidate.url)) | `\(candidate.file)` | `\(candidate.propose)` |\n"
        }
        return out
    }
}
