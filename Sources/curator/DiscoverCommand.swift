import ArgumentParser
import CuratorCore
import CuratorHTTP
import CuratorSources
import Foundation

struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find new arXiv papers for the list, ranked by how well they fit its topic files.",
        discussion: """
            Searches arXiv for papers of the categories submitted since the date (pages of 100, \
            3 s apart, no key needed), drops the papers the list already has, and ranks the rest \
            by how much their title and abstract read like each topic file's entries, the ranking \
            `curator propose` places by. Each candidate is printed with its file, its score (above \
            0 it reads like the file) and a ready `curator propose ID` line. The markdown format is \
            an issue body for a scheduled workflow.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @OptionGroup var shared: SharedOptions

    @Option(help: "The first submission date to search, YYYY-MM-DD (UTC).")
    var since: String

    @Option(
        name: .customLong("category"), help: "An arXiv category to search; repeat for more (default: cs.CL, cs.LG).")
    var categories: [String] = []

    @Option(help: "How to print the candidates; markdown is an issue body.")
    var format: Format = .text

    @Option(help: "At most this many candidates.")
    var limit = 20

    @Option(
        name: .customLong("arxiv-spacing"),
        help: ArgumentHelp(
            "Seconds between arXiv requests (default 3, arXiv's rule); lower only against a mirror or a test double.",
            visibility: .hidden))
    var arxivSpacing: Double?

    @Argument(help: "The list's folder (default: the config file's folder, or here).")
    var path: String?

    static let defaultCategories = ["cs.CL", "cs.LG"]

    func validate() throws {
        if Self.date(since) == nil { throw ValidationError("--since '\(since)' is not a date YYYY-MM-DD") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        for category in categories where category.wholeMatch(of: /[A-Za-z-]+(\.[A-Za-z-]+)?/) == nil {
            throw ValidationError("--category '\(category)' is not an arXiv category such as cs.CL")
        }
        if let arxivSpacing, !(arxivSpacing >= 0 && arxivSpacing.isFinite) {
            throw ValidationError("--arxiv-spacing must be a finite number of seconds, at least 0")
        }
    }

    static func date(_ text: String) -> Date? {
        guard text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }

    func run() async throws {
        let workspace = try shared.loadWorkspace(paths: path.map { [$0] } ?? [])
        let chooser = TopicChooser(workspace: workspace)
        let topics = chooser.topics
        guard !topics.isEmpty else {
            throw CuratorExit.input("the list has no file with entries: nothing to rank new papers against")
        }
        let environment = ProcessInfo.processInfo.environment
        let endpoints = SourceEndpoints(environment: environment)
        let clock = DeadlineClock(budget: TimeBudget.defaultSeconds)
        let http = try CurlEngine.underRetryingClients(clock: clock)
        let spacing = arxivSpacing.map { Duration.clamped(seconds: $0) } ?? .seconds(3)
        let client = ArxivClient(
            http: http,
            configuration: ArxivClientConfiguration(endpoint: endpoints.arxiv, spacing: spacing, clock: clock))
        let query = Discovery.query(
            categories: categories.isEmpty ? Self.defaultCategories : categories, since: Self.date(since) ?? Date(),
            until: clock.date)
        let status = StatusLine(environment: environment)
        let search = await Discovery.search(query, client: client) { status.show($0) }
        status.clear()
        if let stop = search.stop, search.papers.isEmpty {
            throw CuratorExit.input("arXiv did not answer: \(stop)")
        }
        let candidates = Discovery.rank(search.papers, chooser: chooser, catalog: workspace.catalog, limit: limit)
        switch format {
        case .text: try shared.emit(Discovery.text(candidates))
        case .json: try shared.emit(Discovery.json(candidates))
        case .markdown: try shared.emit(Discovery.markdown(candidates, query: query))
        }
        if let stop = search.stop {
            FileHandle.standardError.write(
                Data("curator: arXiv stopped after \(search.papers.count) papers: \(stop)\n".utf8))
        }
    }
}
