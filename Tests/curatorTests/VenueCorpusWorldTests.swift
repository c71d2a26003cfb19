import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

/// The venues of the real list, stated back by the arXiv double the way papers write them.
///
/// Every corpus paper with a venue badge becomes a row without one, and the double gives it a
/// journal reference or comment naming that venue in one of the forms arXiv papers use: the
/// abbreviation, the full name, the proceedings title with the year before or after, with
/// "Accepted at", "Published in", "Camera-ready for", "To appear in", findings and workshop
/// variants. `arxiv-venue` must propose the badge for at least 95% of them, and nothing for a
/// paper whose comment only says it was submitted or is under review.
@Suite struct VenueCorpusWorldTests {
    struct Stated {
        var id: String
        var venue: String
        var year: Int
        var qualifier: String?
    }

    /// The corpus's papers with a venue badge: id, venue, year and the Findings or Workshop qualifier.
    static func statedPapers() throws -> (papers: [Stated], vocabulary: VenueVocabulary) {
        let ruleset = try RulesetLoader.shipped("awesome-efficient-llm")
        let vocabulary = try #require(ruleset.venues)
        let workspace = try Workspace(
            paths: [Corpus.listDirectory.path], ruleset: CompiledRuleset(ruleset),
            workingDirectory: Corpus.listDirectory)
        let names = vocabulary.names.sorted { $0.count > $1.count }
        var seen: Set<String> = []
        var papers: [Stated] = []
        for entry in workspace.catalog.entries {
            guard let id = entry.arxivID?.base, let badge = entry.venueBadges.first, seen.insert(id).inserted else {
                continue
            }
            let parts = badge.imageURL.split(separator: "/").last?.split(separator: "-") ?? []
            guard parts.count >= 3 else { continue }
            let label = parts[1..<(parts.count - 1)].joined(separator: "-").removingPercentEncoding ?? ""
            guard let venue = names.first(where: { label.hasPrefix($0 + "'") }),
                let year = Int(label.dropFirst(venue.count + 1).prefix(2))
            else { continue }
            let qualifier = ["Findings", "Workshop"].first { label.contains($0) }
            papers.append(Stated(id: id, venue: venue, year: 2000 + year, qualifier: qualifier))
        }
        return (papers, vocabulary)
    }

    /// The statement arXiv carries for a paper, in the form its index picks, as (comment, journal reference).
    static func statement(_ paper: Stated, index: Int, vocabulary: VenueVocabulary) -> (String?, String?) {
        let short = paper.venue
        let full = vocabulary.aliases?[short]?.max { $0.count < $1.count } ?? short
        let year = String(paper.year)
        let yy = String(format: "%02d", paper.year % 100)
        switch paper.qualifier {
        case "Findings":
            return index % 2 == 0
                ? (nil, "Findings of the Association for Computational Linguistics: \(short) \(year)")
                : ("Accepted to Findings of \(short) \(year)", nil)
        case "Workshop":
            return ("Accepted at the \(short) \(year) Workshop on Efficient Systems for Foundation Models", nil)
        default: break
        }
        switch index % 9 {
        case 0: return (nil, "Proceedings of the \(full), \(year)")
        case 1: return (nil, "Proceedings of \(short) \(year)")
        case 2: return ("Accepted at \(short) \(year). 9 pages, 4 figures", nil)
        case 3: return ("Published in \(full) (\(year))", nil)
        case 4: return ("12 pages; accepted by the \(full) (\(short)), \(year)", nil)
        case 5: return (nil, "Proceedings of the \(year) \(full), pages 1-12")
        case 6: return ("Camera-ready for \(short)'\(yy)", nil)
        case 7: return ("To appear in Proc. of the \(full) \(year)", nil)
        default: return (nil, "\(full), \(year)")
        }
    }

    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)), .timeLimit(.minutes(3)))
    func venueStatementsAreFoundAsWritten() async throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let (stated, vocabulary) = try Self.statedPapers()
        try #require(stated.count > 40)

        var served: [ArxivDoublePaper] = []
        var expected: [String: String] = [:]
        var refused: Set<String> = []
        var rows = ["| Title & Authors | Introduction | Links |", "|:--|:--:|:--:|"]
        for (index, paper) in stated.enumerated() {
            let comment: String?
            let journalRef: String?
            if index % 10 == 9 {
                // Every tenth paper was only submitted: no venue may come of it.
                let full = vocabulary.aliases?[paper.venue]?.first ?? paper.venue
                comment =
                    index % 20 == 9
                    ? "Submitted to \(full) \(paper.year)" : "Under review at \(paper.venue) \(paper.year)"
                journalRef = nil
                refused.insert(paper.id)
            } else {
                (comment, journalRef) = Self.statement(paper, index: index, vocabulary: vocabulary)
                let label = "\(paper.venue)'\(String(format: "%02d", paper.year % 100))"
                expected[paper.id] = paper.qualifier.map { "\(label) \($0)" } ?? label
            }
            served.append(
                ArxivDoublePaper(
                    id: paper.id, title: "Paper \(index)", authors: [.init("Ann Lee")], summary: "S",
                    comment: comment, journalRef: journalRef))
            rows.append("|[Paper \(index)](https://arxiv.org/abs/\(paper.id)) <br> Ann Lee | | |")
        }
        let arxiv = ArxivDouble(papers: served, spacing: .zero)
        try await arxiv.start()

        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = directory.appendingPathComponent("pruning.md")
        try (rows.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
        let result = try await CLI.runDetached(
            [
                "lint", "--ruleset", "awesome-efficient-llm", "--format", "json", "--no-cache", "--arxiv-spacing", "0",
                "--timeout", "5", list.path,
            ],
            in: directory, environment: ["ARXIV_API_URL": await arxiv.endpoint, "CI": "true"])
        await arxiv.stop()

        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "arxiv-venue" }
        var proposed: [String: String] = [:]
        for finding in findings {
            guard let message = finding["message"] as? String, let line = finding["line"] as? Int,
                let add = message.range(of: "; add ", options: .backwards)
            else { continue }
            let paper = stated[line - 3]
            proposed[paper.id] = String(message[add.upperBound...])
        }
        let right = expected.filter { proposed[$0.key] == $0.value }.count
        let wrong = expected.filter { proposed[$0.key] != nil && proposed[$0.key] != $0.value }
            .map { "\($0.key): \(proposed[$0.key]!) for \($0.value)" }
        let missed = expected.filter { proposed[$0.key] == nil }.map {
            "\($0.key) (\($0.value))"
        }
        print("venue world: \(right) of \(expected.count) venue statements found; \(refused.count) submissions")
        #expect(Double(right) >= 0.95 * Double(expected.count), "missed: \(missed.sorted()); wrong: \(wrong.sorted())")
        #expect(refused.allSatisfy { proposed[$0] == nil }, "a venue from a submission")
        #expect(wrong.isEmpty, "\(wrong.sorted())")
    }
}
