import CuratorCore
import Foundation

/// What a refresh did, written as a pull-request body: what changed on arXiv and GitHub and why it
/// matters to the list, the ⭐ candidates, gone and renamed repositories, new venues, and the edits
/// that were written. Each list is cut at `maximumItems` so the body stays under GitHub's limit.
public struct RefreshReport: Sendable {
    public var run: Refresher.Run
    /// Findings of the metadata rules over the refreshed facts, after any edits were written.
    public var findings: [Finding]
    /// Requests per service.
    public var requests: [String: Int]
    /// Edits written per file (display path), when `--write` was given.
    public var written: [String: Int]?
    public var catalog: Catalog
    public var maximumItems = 60

    public init(
        run: Refresher.Run, findings: [Finding], requests: [String: Int], written: [String: Int]?, catalog: Catalog
    ) {
        self.run = run
        self.findings = findings
        self.requests = requests
        self.written = written
        self.catalog = catalog
    }

    public struct TitleChange: Sendable, Codable, Hashable {
        public var id: String
        public var before: String
        public var after: String
    }

    public struct VenueChange: Sendable, Codable, Hashable {
        public var id: String
        public var venues: [String]
    }

    public struct RepositoryChange: Sendable, Codable, Hashable {
        public var repository: String
        public var status: String
        public var canonical: String?
        public var detail: String?
        /// `file:line` of the entries that name it.
        public var entries: [String]
    }

    public var titleChanges: [TitleChange] {
        run.after.papers.keys.sorted().compactMap { key in
            guard let old = run.before.papers[key]?.title, let new = run.after.papers[key]?.title,
                TitleNormalizer.normalize(old) != TitleNormalizer.normalize(new)
            else { return nil }
            return TitleChange(id: key, before: old, after: new)
        }
    }

    public var newVenues: [VenueChange] {
        run.after.papers.keys.sorted().compactMap { key in
            let old = Set(run.before.papers[key]?.venueHints ?? [])
            let added = (run.after.papers[key]?.venueHints ?? []).filter { !old.contains($0) }
            return added.isEmpty ? nil : VenueChange(id: key, venues: added)
        }
    }

    /// Papers that Semantic Scholar places at a venue while neither arXiv nor the entry names one:
    /// shown as candidates for a person to check, never written.
    public func scholarVenueCandidates(besides venueFindings: [Finding]) -> [VenueChange] {
        var entriesByPaper: [String: [Entry]] = [:]
        for entry in catalog.entries {
            if let id = entry.arxivID { entriesByPaper[id.base, default: []].append(entry) }
        }
        let reported = Set(venueFindings.map { "\($0.location.file):\($0.location.line)" })
        return run.after.papers.keys.sorted().compactMap { key in
            guard let record = run.after.papers[key], let venue = record.scholarVenue, record.venueHints.isEmpty,
                let entries = entriesByPaper[key],
                entries.allSatisfy({ $0.venueBadges.isEmpty && !reported.contains("\($0.file):\($0.line)") })
            else { return nil }
            return VenueChange(id: key, venues: [venue])
        }
    }

    /// Renamed, missing, blocked and newly archived repositories, whether or not this run found them
    /// first: a gone repository stays in every report until the list stops naming it.
    public var repositoryChanges: [RepositoryChange] {
        run.after.repositories.keys.sorted().compactMap { key in
            guard let record = run.after.repositories[key], !entries(naming: key).isEmpty else { return nil }
            let newlyArchived = record.archived == true && run.before.repositories[key]?.archived != true
            let status: String
            switch record.status {
            case .renamed: status = "renamed"
            case .missing: status = "gone"
            case .blocked: status = "blocked"
            case .found:
                guard newlyArchived else { return nil }
                status = "archived"
            }
            return RepositoryChange(
                repository: key, status: status, canonical: record.status == .renamed ? record.canonicalName : nil,
                detail: record.blockReason, entries: entries(naming: key))
        }
    }

    private func entries(naming key: String) -> [String] {
        (RepositoryName(key).flatMap { catalog.byRepository[$0] } ?? []).map {
            "\(catalog.entries[$0].file):\(catalog.entries[$0].line)"
        }
    }

    public var isComplete: Bool {
        run.papers.stop == nil && run.repositories.stop == nil && run.citations?.stop == nil
    }

    public func markdown() -> String {
        var out = "## curator refresh\n\n"
        let services = requests.keys.sorted().map { "\($0) \(requests[$0] ?? 0)" }.joined(separator: ", ")
        out +=
            "Fetched \(run.papers.answered) of \(run.papers.requested) papers and \(run.repositories.answered) of \(run.repositories.requested) repositories"
        if let citations = run.citations { out += ", citations for \(citations.answered) papers" }
        out += " (requests: \(services.isEmpty ? "none" : services)).\n"
        for (name, stage) in [
            ("arXiv", Optional(run.papers)), ("GitHub", Optional(run.repositories)),
            ("Semantic Scholar", run.citations),
        ] {
            guard let stage, let stop = stage.stop else { continue }
            out +=
                "\n> **\(name) stopped early:** \(stop). \(stage.unfetched) left for the next run, which starts with them.\n"
        }
        let stars = findings.filter { $0.ruleID == "star-candidate" }
        let venues = findings.filter { $0.ruleID == "arxiv-venue" }
        let others = findings.filter { !["star-candidate", "arxiv-venue"].contains($0.ruleID) }
        out += section("⭐ candidates", stars.map(Self.line))
        out += section(
            "Repositories renamed, gone or archived",
            repositoryChanges.map { change in
                let target = change.canonical.map { " → `\($0)`" } ?? ""
                let detail = change.detail.map { " (\($0))" } ?? ""
                return
                    "`\(change.repository)` \(change.status)\(target)\(detail), named at \(change.entries.joined(separator: ", "))"
            })
        out += section(
            "New venues",
            venues.map(Self.line)
                + newVenues.filter { change in
                    !venues.contains { $0.message.contains(change.id) }
                }.map { "\($0.id): arXiv now names \($0.venues.joined(separator: ", "))" }
                + scholarVenueCandidates(besides: venues).map {
                    "\($0.id): Semantic Scholar lists \($0.venues.joined(separator: ", ")) (a candidate, not written)"
                })
        out += section(
            "Renamed papers",
            titleChanges.map { "\($0.id): \"\(Self.oneLine($0.before))\" → \"\(Self.oneLine($0.after))\"" })
        out += section("Other findings", others.map(Self.line))
        if let written {
            let total = written.values.reduce(0, +)
            out += "\n### Edits written\n\n"
            out +=
                total == 0
                ? "None: the files already agree with the metadata.\n"
                : written.keys.sorted().map { "- `\($0)`: \(written[$0] ?? 0) edits" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func section(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "\n### \(title) (\(items.count))\n\n"
        out += items.prefix(maximumItems).map { "- \($0)" }.joined(separator: "\n") + "\n"
        if items.count > maximumItems { out += "- … and \(items.count - maximumItems) more\n" }
        return out
    }

    static func line(_ finding: Finding) -> String {
        "`\(finding.location.file):\(finding.location.line)` \(finding.message)"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    struct JSONShape: Encodable {
        struct Stage: Encodable {
            var requested: Int
            var answered: Int
            var unfetched: Int
            var stop: String?
        }
        var complete: Bool
        var requests: [String: Int]
        var papers: Stage
        var repositories: Stage
        var citations: Stage?
        var titleChanges: [TitleChange]
        var newVenues: [VenueChange]
        var repositoryChanges: [RepositoryChange]
        var findings: [Finding]
        var written: [String: Int]?
    }

    public func json() -> String {
        func stage(_ result: Refresher.StageResult) -> JSONShape.Stage {
            .init(
                requested: result.requested, answered: result.answered, unfetched: result.unfetched,
                stop: result.stop?.description)
        }
        let shape = JSONShape(
            complete: isComplete, requests: requests, papers: stage(run.papers), repositories: stage(run.repositories),
            citations: run.citations.map(stage), titleChanges: titleChanges, newVenues: newVenues,
            repositoryChanges: repositoryChanges, findings: findings, written: written)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(shape)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
