import ArgumentParser
import CuratorCore
import CuratorHTTP
import CuratorRules
import CuratorSources
import Foundation

struct ProposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Write new entries for arXiv papers in the list's own format, in the right file and section.",
        discussion: """
            Fetches each paper from arXiv, and its repository from GitHub when --code names one or \
            the abstract or comment links one. A paper the list already has is refused, with where \
            it is. The file is the topic file whose entries the paper's title and abstract read most \
            like (the ruleset's keyword map, if any, weighs in), printed with its confidence and \
            the runner-up, unless --section names one; the venue badge from --venue or an explicit acceptance statement on arXiv. Without \
            --write the entries are printed; with it they are inserted into the topic file and its \
            copy in the mirror file (the README).
            """
    )

    @OptionGroup var shared: SharedOptions

    @Argument(help: "arXiv ids or URLs.")
    var papers: [String]

    @Option(help: "The paper's code repository (a github.com URL); only with one paper.")
    var code: String?

    @Option(help: "The venue badge label, as the list writes it (ICML'24).")
    var venue: String?

    @Option(help: "The topic: its name in the ruleset's topic map, its file, or its heading.")
    var section: String?

    @Flag(help: "Insert the entries into the files (atomically) instead of printing them.")
    var write = false

    func validate() throws {
        if papers.isEmpty { throw ValidationError("name at least one arXiv id or URL") }
        for paper in papers where ArxivID(paper) == nil {
            throw ValidationError("'\(paper)' is not an arXiv id or URL")
        }
        if (code != nil || venue != nil) && papers.count > 1 {
            throw ValidationError("--code and --venue describe one paper; propose several papers one at a time")
        }
        if let code, RepositoryName(code) == nil {
            throw ValidationError("--code '\(code)' is not a GitHub repository URL")
        }
    }

    func run() async throws {
        let workspace = try shared.loadWorkspace(paths: [])
        let ruleset = workspace.ruleset.ruleset
        let policy = ruleset.propose
        let chooser = TopicChooser(workspace: workspace)
        let topics = chooser.topics
        guard !topics.isEmpty else {
            throw CuratorExit.input("the list has no file with entries: nothing says where a new paper goes")
        }
        let environment = ProcessInfo.processInfo.environment
        var endpoints = SourceEndpoints(environment: environment)
        let clock = DeadlineClock(budget: TimeBudget.defaultSeconds)
        endpoints.gitHub.clock = clock
        let http = try CurlEngine.underRetryingClients(clock: clock)
        let status = StatusLine(environment: environment)
        var refusals: [String] = []
        // A listed paper is refused before anything is fetched: the list already says all it needs.
        var ids: [ArxivID] = []
        for id in papers.compactMap({ ArxivID($0) }) {
            if let listed = workspace.catalog.byArxivID[id] {
                let places = listed.map {
                    "\(workspace.catalog.entries[$0].file):\(workspace.catalog.entries[$0].line)"
                }
                refusals.append("\(id.base) is already listed at \(places.sorted().joined(separator: ", "))")
            } else {
                ids.append(id)
            }
        }
        var found: [ArxivPaper] = []
        if !ids.isEmpty {
            status.show("arXiv: \(ids.count) paper\(ids.count == 1 ? "" : "s")")
            let fetched = await ArxivClient(
                http: http, configuration: ArxivClientConfiguration(endpoint: endpoints.arxiv, clock: clock)
            ).lookup(ids)
            status.clear()
            if let stop = fetched.stop { throw CuratorExit.input("arXiv did not answer: \(stop)") }
            for id in ids {
                if let paper = fetched.results[id.unversioned]?.paper {
                    found.append(paper)
                } else {
                    refusals.append("\(id.base): arXiv has no such paper")
                }
            }
        }
        status.show("GitHub: the papers' repositories")
        let repositories = await lookUpRepositories(for: found, configuration: endpoints.gitHub, http: http)
        status.clear()
        var insertions: [String: [Int: String]] = [:]
        var printed = ""
        var placements: [String] = []
        for paper in found {
            let topic: TopicChooser.Topic
            if let section {
                guard let named = chooser.named(section) else {
                    throw CuratorExit.input(
                        "--section '\(section)' is none of the topics: \(topics.map(\.name).joined(separator: ", "))")
                }
                topic = named
            } else {
                let ranked = chooser.rank(title: paper.title, abstract: paper.summary)
                topic = ranked[0].topic
                placements.append(Self.placement(paper.id.base, ranked))
            }
            let repository = repositories[paper.id.base]
            let proposal = ProposedEntry(
                arxivID: paper.id.unversioned, version: paper.id.version ?? 1, title: paper.title,
                authors: AuthorNames.written(paper.authors.map(\.name), convention: ruleset.authors),
                repository: repository.map(\.nameWithOwner),
                venue: venueBadge(for: paper, ruleset: ruleset),
                starred: ruleset.star?.write == true && (repository?.stars ?? 0) >= (ruleset.star?.minStars ?? Int.max),
                date: Self.today())
            var targets = [
                (topic.file, topic.heading, ProposePolicy.position(policy?.insert?.topic), nil as Pattern?)
            ]
            if let mirrors = ruleset.mirrors,
                let heading = mirrors.sections.first(where: { $0.value == topic.file })?.key
            {
                let pinned = policy?.pinned.flatMap { try? Pattern($0) }
                targets.append((mirrors.file, heading, ProposePolicy.position(policy?.insert?.mirror), pinned))
            }
            for (relative, heading, position, pinned) in targets {
                guard let file = workspace.documents.first(where: { $0.relativePath == relative })?.document.path,
                    let formatID = workspace.catalog.entries.first(where: {
                        $0.file == file && (heading == nil || $0.section == heading)
                    })?.formatID,
                    let format = ruleset.formats.first(where: { $0.id == formatID }),
                    let offset = EntryPlacement.offset(
                        in: workspace, file: file, formatID: formatID, section: heading, position: position,
                        pinned: { entry in
                            pinned.map { CompiledRuleset.matches($0, entry.dateComment?.text ?? "") } ?? false
                        })
                else {
                    refusals.append(
                        "\(paper.id.base): \(relative) has no section \(heading.map { "'\($0)' " } ?? "")with entries to place it among"
                    )
                    continue
                }
                let row = proposal.render(format, ruleset: ruleset)
                insertions[file, default: [:]][offset, default: ""] += row + "\n"
                printed += "<!-- \(file)\(heading.map { " · \($0)" } ?? "") -->\n\(row)\n"
            }
        }
        if write {
            try apply(insertions, in: workspace)
        } else {
            try shared.emit(printed)
        }
        for line in placements + refusals { FileHandle.standardError.write(Data("curator: \(line)\n".utf8)) }
        if !refusals.isEmpty { throw CuratorExit(status: 1, message: nil) }
    }

    /// The repository of each paper: --code, or the first GitHub repository its abstract or comment
    /// links, as GitHub names it now. A repository GitHub does not know is left out.
    private func lookUpRepositories(
        for papers: [ArxivPaper], configuration: GitHubConfiguration, http: any HTTPClient
    ) async -> [String: RepositoryInfo] {
        var wanted: [String: RepositoryName] = [:]
        for paper in papers {
            let named =
                code.flatMap { RepositoryName($0) }
                ?? Self.repositoryMention(in: [paper.summary, paper.comment ?? ""].joined(separator: " "))
            if let named { wanted[paper.id.base] = named }
        }
        guard !wanted.isEmpty else { return [:] }
        let outcome = await GitHubClient(http: http, configuration: configuration).lookup(Array(Set(wanted.values)))
        return wanted.compactMapValues { name in
            switch outcome.results[name] {
            case .found(let info)?, .renamed(_, let info)?: info
            default: nil
            }
        }
    }

    /// "2507.01001 → pruning.md (confidence 0.74; runner-up quantization.md, 0.12)", one line per paper.
    static func placement(_ id: String, _ ranked: [TopicChooser.Scored]) -> String {
        let confidence = { (scored: TopicChooser.Scored) in String(format: "%.2f", scored.confidence) }
        let runnerUp = ranked.dropFirst().first.map { "; runner-up \($0.topic.file), \(confidence($0))" } ?? ""
        return "\(id) → \(ranked[0].topic.file) (confidence \(confidence(ranked[0]))\(runnerUp))"
    }

    static func repositoryMention(in text: String) -> RepositoryName? {
        guard
            let match = text.firstMatch(
                of: /https?:\/\/(?:www\.)?github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/)
        else { return nil }
        return RepositoryName(String(match.output))
    }

    private func venueBadge(for paper: ArxivPaper, ruleset: Ruleset) -> (label: String, journal: Bool)? {
        guard let vocabulary = ruleset.venues else { return venue.map { ($0, false) } }
        if let venue {
            let name = VenueStatements.venue(ofLabel: venue, vocabulary: vocabulary)
            return (venue, name.map { vocabulary.journals?.contains($0) == true } ?? false)
        }
        guard
            let statement = VenueStatements.find(
                comment: paper.comment, journalRef: paper.journalRef, vocabulary: vocabulary
            ).first
        else { return nil }
        return (statement.label(format: vocabulary.label), vocabulary.journals?.contains(statement.venue) == true)
    }

    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.month, .day], from: Date())
        return String(format: "%02d/%02d", parts.month ?? 1, parts.day ?? 1)
    }

    /// Inserts the entries into their files, all or none: the topic file and the mirror file are
    /// both checked before either is written (see `AtomicWriter`).
    private func apply(_ insertions: [String: [Int: String]], in workspace: Workspace) throws {
        var targets: [AtomicWriter.Target] = []
        for (file, byOffset) in insertions.sorted(by: { $0.key < $1.key }) {
            guard let document = workspace.document(named: file) else { continue }
            let bytes = document.source.bytes
            let edits = byOffset.map { offset, text in
                // A file without a final newline gets one before a row appended at its end.
                let lead = offset == bytes.count && bytes.last != UInt8(ascii: "\n") ? "\n" : ""
                return TextEdit(file: file, range: offset..<offset, replacement: lead + text)
            }
            targets.append(
                AtomicWriter.Target(
                    url: URL(fileURLWithPath: file, relativeTo: shared.workingDirectory), display: file,
                    bytes: Fixer.apply(edits, to: bytes)))
        }
        do {
            try AtomicWriter.write(targets)
        } catch {
            throw CuratorExit.input(error.description)
        }
    }
}

extension ProposePolicy {
    static func position(_ text: String?) -> EntryPlacement.Position {
        text.flatMap(EntryPlacement.Position.init(rawValue:)) ?? .top
    }
}

/// Placement measured on the list itself, for `bench/placement`: leave-one-out over the topic files'
/// entries, by title (see `TopicChooser.leaveOneOut`). Hidden: it is a measurement, not a task.
struct MeasurePlacementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure-placement",
        abstract: "Rank each entry of the topic files by its title against the list without it.",
        shouldDisplay: false)

    @OptionGroup var shared: SharedOptions

    @Argument(help: "The list's folder (default: the config file's folder, or here).")
    var path: String?

    func run() throws {
        let workspace = try shared.loadWorkspace(paths: path.map { [$0] } ?? [])
        let topics = TopicChooser.topics(of: workspace)
        let (right, total) = TopicChooser.leaveOneOut(topics: topics, workspace: workspace)
        let share = total == 0 ? 0 : 100 * Double(right) / Double(total)
        try shared.emit(
            "placement: \(right) of \(total) entries (\(String(format: "%.1f", share))%) ranked into their own file, none refused\n"
        )
    }
}
