import ArgumentParser
import CuratorCore
import CuratorHTTP
import CuratorRules
import CuratorSources
import Foundation

struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch arXiv and GitHub metadata for every entry, update the metadata file and report what changed.",
        discussion: """
            Papers are looked up 100 to an arXiv request, 3 s apart; repositories 100 to a GitHub \
            GraphQL query with GITHUB_TOKEN, or one conditional REST request each without it. Each \
            batch is saved to the metadata file as soon as it is answered, so an interrupted run \
            loses nothing and the next one starts with what is missing or oldest. The report is \
            markdown fit for a pull-request body. With --write, the safe edits are applied to the \
            files: renamed repositories in links and badges, venue badges arXiv states, missing \
            authors, and star marks where the ruleset's `star.write` allows; a second run changes \
            nothing.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @OptionGroup var shared: SharedOptions

    @Option(help: "The metadata file (default: .curator/metadata.json under the list's root).")
    var metadata: String?

    @Option(help: "Report format: markdown or json.")
    var format: Format = .markdown

    @Flag(help: "Apply the safe edits to the markdown files (atomically).")
    var write = false

    @Option(
        name: .customLong("arxiv-spacing"),
        help: ArgumentHelp(
            "Seconds between arXiv requests (default 3, arXiv's rule); lower only against a mirror or a test double.",
            visibility: .hidden))
    var arxivSpacing: Double?

    @Option(
        name: .customLong("max-time"),
        help: "The run's time budget: 90s, 10m or seconds (default 5m). Then the report says what was left unfetched.")
    var maxTime: String?

    @Argument(help: "List files or directories (default: the config's directory, or the working directory).")
    var paths: [String] = []

    /// The most `--write` passes; a pass applies every non-overlapping edit, so two suffice.
    static let maximumWritePasses = 4

    func validate() throws {
        // `nan` and `inf` read as numbers, and turning either into a duration traps.
        if let arxivSpacing, !(arxivSpacing >= 0 && arxivSpacing.isFinite) {
            throw ValidationError("--arxiv-spacing must be a finite number of seconds, at least 0")
        }
        if let maxTime, TimeBudget.parse(maxTime) == nil { throw ValidationError(TimeBudget.invalid(maxTime)) }
    }

    func run() async throws {
        var workspace = try shared.loadWorkspace(paths: paths)
        // The report names where renamed and gone repositories were, before --write moved them.
        let original = workspace.catalog
        let environment = ProcessInfo.processInfo.environment
        var endpoints = SourceEndpoints(environment: environment)
        // One budget for the run: the engine sends nothing after its deadline, and every wait of
        // the clients (spacing, Retry-After, backoff, rate-limit resets) ends there.
        let clock = DeadlineClock(budget: maxTime.flatMap(TimeBudget.parse) ?? TimeBudget.defaultSeconds)
        endpoints.gitHub.clock = clock
        endpoints.semanticScholar.clock = clock
        let engine = try CurlEngine.underRetryingClients(clock: clock)
        let http = CountingHTTPClient(engine, services: endpoints.services)
        let spacing = arxivSpacing.map { Duration.clamped(seconds: $0) } ?? .seconds(3)
        let citationsWanted = workspace.ruleset.ruleset.star?.minCitations != nil
        let clients = Refresher.Clients(
            arxiv: ArxivClient(
                http: http,
                configuration: ArxivClientConfiguration(endpoint: endpoints.arxiv, spacing: spacing, clock: clock)),
            gitHub: GitHubClient(http: http, configuration: endpoints.gitHub),
            semanticScholar: citationsWanted
                ? SemanticScholarClient(http: http, configuration: endpoints.semanticScholar) : nil)
        let store = MetadataStore(url: metadataURL(root: workspace.root))
        let run: Refresher.Run
        let status = StatusLine(environment: environment)
        do {
            run = try await Refresher(clients: clients, store: store).run(RefreshTargets(catalog: workspace.catalog)) {
                status.show($0)
            }
        } catch {
            status.clear()
            throw CuratorExit.input(error.description)
        }
        status.clear()
        if run.fetchedNothing {
            // Nothing was learnt, so nothing is edited and no report claims the files agree.
            throw CuratorExit.input(
                "refresh fetched nothing; the markdown is unchanged: " + run.stopReasons.joined(separator: "; "))
        }
        let facts = run.after.facts
        let linter = Linter(rules: metadataNetworkRules.map { $0.init() })
        var lint = linter.lint(LintContext(workspace: workspace, facts: facts))
        var written: [String: Int]?
        if write {
            var counts: [String: Int] = [:]
            let renames = RepositoryRenameEdits.renames(in: facts)
            for _ in 0..<Self.maximumWritePasses {
                let edits =
                    lint.findings.compactMap(\.fix).flatMap(\.edits)
                    + RepositoryRenameEdits.edits(for: workspace, renames: renames)
                guard !edits.isEmpty else { break }
                try apply(edits, in: workspace, counts: &counts)
                workspace = try shared.loadWorkspace(paths: paths)
                lint = linter.lint(LintContext(workspace: workspace, facts: facts))
            }
            written = counts
        }
        let requests = await http.snapshot()
        let report = RefreshReport(
            run: run, findings: lint.findings, requests: requests, written: written, catalog: original)
        // The report goes into a pull-request body; nothing a server echoed may carry a token there.
        try shared.emit(Redaction.redact(format == .json ? report.json() : report.markdown()))
        if lint.hasErrors { throw CuratorExit.findingsWithErrors }
    }

    private func metadataURL(root: URL) -> URL {
        guard let metadata else { return MetadataStore(root: root).url }
        return URL(fileURLWithPath: metadata, relativeTo: shared.workingDirectory).standardizedFileURL
    }

    /// Writes each touched file whole, through a temporary file and a rename; every file of the
    /// pass is checked before the first is written (see `AtomicWriter`).
    private func apply(_ edits: [TextEdit], in workspace: Workspace, counts: inout [String: Int]) throws {
        let byFile = Dictionary(grouping: edits, by: \.file)
        var targets: [AtomicWriter.Target] = []
        var pass: [String: Int] = [:]
        for (file, fileEdits) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let document = workspace.document(named: file) else { continue }
            let bytes = Fixer.apply(fileEdits, to: document.source.bytes)
            guard bytes != document.source.bytes else { continue }
            pass[file] = Set(fileEdits.map(\.range)).count
            targets.append(
                AtomicWriter.Target(
                    url: URL(fileURLWithPath: file, relativeTo: shared.workingDirectory), display: file, bytes: bytes))
        }
        do {
            try AtomicWriter.write(targets)
        } catch {
            throw CuratorExit.input(error.description)
        }
        counts.merge(pass, uniquingKeysWith: +)
    }
}
