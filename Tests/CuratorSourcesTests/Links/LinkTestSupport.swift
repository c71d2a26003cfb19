import CuratorCore
import CuratorHTTP
import CuratorSources
import Foundation

/// Retries that take milliseconds, so fault tests end quickly while still retrying.
let quickRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, jitter: 0.1, retryAfterCap: 3)

func makeProber(
    retry: RetryPolicy = quickRetry, timeout: Double = 3, perHost: HostPolicy = HostPolicy(),
    hosts: [String: HostPolicy] = [:], remap: [String] = []
) throws -> LinkProber {
    let engine = try CurlEngine(
        configuration: EngineConfiguration(defaultHostPolicy: perHost, hostPolicies: hosts, retry: retry))
    return LinkProber(engine: engine, remapper: remap.isEmpty ? nil : try URLRemapper(specs: remap), timeout: timeout)
}

/// A workspace of one pruning.md built from table rows of the awesome-efficient-llm format.
func paperWorkspace(_ rows: [String], ruleset extra: String = "") throws -> Workspace {
    let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
    var ruleset = try RulesetLoader.shipped("awesome-efficient-llm")
    if !extra.isEmpty {
        let overlay = try RulesetLoader.parse(
            "name: t\nfiles: {include: ['*.md']}\nformats: []\n" + extra, path: "t.yml")
        ruleset.exclude = overlay.exclude
        ruleset.http = overlay.http
    }
    return try Workspace(
        files: [(relativePath: "pruning.md", text: header + rows.joined(separator: "\n") + "\n")],
        ruleset: try CompiledRuleset(ruleset), root: URL(fileURLWithPath: "/nonexistent-list-root"))
}

/// A table row with a title link and a links cell.
func row(_ title: String, _ links: String = "", badges: String = "") -> String {
    "|\(badges)[Paper](\(title)) <br> A. Author | | \(links) |"
}

/// A repository resolver that answers from a table and counts what it was asked.
actor ScriptedRepositoryResolver: RepositoryResolver {
    var answers: [String: RepositoryFacts]
    var unresolved: Set<String>
    var notModified: Set<String> = []
    private(set) var calls: [[String]] = []
    private(set) var validatorsSeen: [String: String] = [:]

    init(_ answers: [String: RepositoryFacts] = [:], unresolved: Set<String> = []) {
        self.answers = answers
        self.unresolved = unresolved
    }

    func setNotModified(_ keys: Set<String>) { notModified = keys }

    func resolve(_ references: [RepositoryName], validators: [String: String]) async -> RepositoryResolution {
        calls.append(references.map(\.key))
        validatorsSeen.merge(validators) { _, new in new }
        var resolution = RepositoryResolution()
        for reference in references {
            if notModified.contains(reference.key) {
                resolution.unchanged.insert(reference.key)
            } else if unresolved.contains(reference.key) {
                resolution.unresolved[reference.key] = "rate limit exhausted"
            } else {
                resolution.facts[reference.key] =
                    answers[reference.key] ?? RepositoryFacts(requested: reference, state: .missing)
                resolution.validators[reference.key] = "\"etag-\(reference.key)\""
            }
        }
        return resolution
    }
}

/// A paper resolver that knows a fixed set of ids.
actor ScriptedPaperResolver: PaperResolver {
    var known: [String: PaperFacts.State]
    private(set) var calls: [[String]] = []

    init(_ known: [String: PaperFacts.State]) { self.known = known }

    func resolve(_ ids: [String]) async -> PaperResolution {
        calls.append(ids)
        var resolution = PaperResolution()
        for id in ids { resolution.facts[id] = PaperFacts(id: id, state: known[id] ?? .unknown) }
        return resolution
    }
}
