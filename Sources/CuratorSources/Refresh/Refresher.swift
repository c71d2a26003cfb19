import CuratorHTTP
import Foundation

/// Fetches the metadata of every paper and repository of a list and folds it into the metadata
/// file, saving after every batch.
///
/// Papers go first and in arXiv's batches of 100: the arXiv API is the slow one (3 s between
/// calls), and the venue, title and author checks need it. Repositories follow in GitHub's batches,
/// then citations, which only the star thresholds use. Each batch is written to the file as soon as
/// it is answered, so a run that is killed, or that stops at a spent rate limit, keeps what it
/// fetched; `refreshOrder` then puts the never-fetched and oldest records first on the next run.
public struct Refresher: Sendable {
    public struct Clients: Sendable {
        public var arxiv: ArxivClient
        public var gitHub: GitHubClient
        /// Nil when the ruleset has no citation threshold, so no citation request is made.
        public var semanticScholar: SemanticScholarClient?
        public var arxivBatchSize: Int
        public var gitHubBatchSize: Int

        public init(
            arxiv: ArxivClient, gitHub: GitHubClient, semanticScholar: SemanticScholarClient?,
            arxivBatchSize: Int = 100,
            gitHubBatchSize: Int = 100
        ) {
            self.arxiv = arxiv
            self.gitHub = gitHub
            self.semanticScholar = semanticScholar
            self.arxivBatchSize = arxivBatchSize
            self.gitHubBatchSize = gitHubBatchSize
        }
    }

    /// What one service did in a run.
    public struct StageResult: Sendable, Equatable {
        public var requested: Int
        public var answered: Int
        public var unfetched: Int
        public var stop: FetchStop?

        /// Asked for something and got no answer at all.
        public var fetchedNothing: Bool { requested > 0 && answered == 0 }
    }

    public struct Run: Sendable {
        public var before: MetadataFile
        public var after: MetadataFile
        public var papers: StageResult
        public var repositories: StageResult
        public var citations: StageResult?

        /// Every service that was asked anything answered nothing: the run learnt nothing, and
        /// saying "the files already agree" would be false.
        public var fetchedNothing: Bool {
            let stages = [papers, repositories] + (citations.map { [$0] } ?? [])
            let asked = stages.filter { $0.requested > 0 }
            return !asked.isEmpty && asked.allSatisfy(\.fetchedNothing)
        }

        /// Why each service that was asked got no answer, e.g. `arXiv: no response (timeout) after 4 attempts`.
        public var stopReasons: [String] {
            [("arXiv", papers), ("GitHub", repositories)].compactMap { name, stage in
                stage.stop.map { "\(name): \($0)" }
            } + (citations?.stop.map { ["Semantic Scholar: \($0)"] } ?? [])
        }
    }

    let clients: Clients
    let store: MetadataStore
    let clock: any NetworkClock

    public init(clients: Clients, store: MetadataStore, clock: any NetworkClock = SystemClock()) {
        self.clients = clients
        self.store = store
        self.clock = clock
    }

    /// - Parameter progress: told before each batch what is being fetched, for a status line.
    public func run(
        _ targets: RefreshTargets, progress: @Sendable (String) -> Void = { _ in }
    ) async throws(MetadataError) -> Run {
        let before = try store.load()
        var file = before
        var papers = StageResult(requested: targets.papers.count, answered: 0, unfetched: 0)
        let paperOrder = before.refreshOrder(targets.papers)
        for (index, batch) in paperOrder.chunked(into: clients.arxivBatchSize).enumerated() {
            progress("arXiv: \(index * clients.arxivBatchSize)/\(paperOrder.count) papers")
            let outcome = await clients.arxiv.lookup(batch)
            file.record(outcome, at: clock.date)
            try store.save(file)
            papers.answered += outcome.results.count
            if let stop = outcome.stop {
                papers.stop = stop
                papers.unfetched = paperOrder.count - index * clients.arxivBatchSize - outcome.results.count
                break
            }
        }
        var repositories = StageResult(requested: targets.repositories.count, answered: 0, unfetched: 0)
        let repositoryOrder = before.refreshOrder(targets.repositories)
        let etags = before.etags
        for (index, batch) in repositoryOrder.chunked(into: clients.gitHubBatchSize).enumerated() {
            progress("GitHub: \(index * clients.gitHubBatchSize)/\(repositoryOrder.count) repositories")
            let outcome = await clients.gitHub.lookup(batch, etags: etags)
            file.record(outcome, at: clock.date)
            try store.save(file)
            repositories.answered += outcome.results.count
            if let stop = outcome.stop {
                repositories.stop = stop
                repositories.unfetched = repositoryOrder.count - index * clients.gitHubBatchSize - outcome.results.count
                break
            }
        }
        var citations: StageResult?
        if let semanticScholar = clients.semanticScholar {
            let known = targets.papers.filter { file.paper($0)?.status == .found }
            progress("Semantic Scholar: citations of \(known.count) papers")
            let outcome = await semanticScholar.citations(for: known)
            file.record(outcome, at: clock.date)
            try store.save(file)
            citations = StageResult(
                requested: known.count, answered: outcome.results.count, unfetched: outcome.unfetched.count,
                stop: outcome.stop)
        }
        return Run(before: before, after: file, papers: papers, repositories: repositories, citations: citations)
    }
}
