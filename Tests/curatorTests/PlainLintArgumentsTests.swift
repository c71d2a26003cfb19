import ArgumentParser
import Testing

@testable import curator

/// `PlainLintArguments` must read a command line exactly as the argument parser does, or leave
/// it to the parser.
struct PlainLintArgumentsTests {
    /// Every setting of a lint command, read back; reading a property the plain reader forgot to
    /// set would stop the test with the parser's "can't read a value" error.
    static func settings(_ command: LintCommand) -> [String] {
        let shared = command.shared
        let network = command.network
        func text<Value: LosslessStringConvertible>(_ value: Value?) -> String {
            guard let value else { return "-" }
            return String(value)
        }
        var settings: [String] = []
        settings.append("config=\(text(shared.config))")
        settings.append("ruleset=\(text(shared.ruleset))")
        settings.append("output=\(text(shared.output))")
        settings.append("remap=\(network.remap)")
        settings.append("max-cache-age=\(text(network.maxCacheAge))")
        settings.append("cache=\(text(network.cache))")
        settings.append("no-cache=\(network.noCache)")
        settings.append("timeout=\(text(network.timeout))")
        settings.append("concurrency=\(text(network.concurrency))")
        settings.append("no-entity-apis=\(network.noEntityAPIs)")
        settings.append("progress=\(network.progress.rawValue)")
        settings.append("arxiv-spacing=\(text(network.arxivSpacing))")
        settings.append("max-time=\(text(network.maxTime))")
        settings.append("format=\(command.format.rawValue)")
        settings.append("offline=\(command.offline)")
        settings.append("fix=\(command.fix)")
        settings.append("changed-since=\(text(command.changedSince))")
        settings.append("color=\(command.color)")
        settings.append("timings=\(command.timings)")
        settings.append("paths=\(command.paths)")
        settings.append("whole-list=\(command.reporting.wholeList)")
        settings.append("report=\(command.reporting.reports)")
        return settings
    }

    /// Command lines (after `lint`) the plain reader takes.
    static let plain: [[String]] = [
        [],
        ["."],
        ["--offline", "--format", "json", "list"],
        ["--format=sarif", "a.md", "b.md", "--offline"],
        ["--fix", "--color", "--timings", "--changed-since", "HEAD~1", "dir"],
        ["--config", "x/.curator.yml", "--output", "report.txt"],
        ["--ruleset=awesome-list", "--output=out.json", "--format", "github"],
        ["--remap", "^https://a/(.*) https://b/$1", "--remap=x y", "--no-cache", "--no-entity-apis"],
        ["--max-cache-age", "36h", "--cache", "c.json", "--timeout", "2.5", "--concurrency", "8"],
        ["--progress", "lines", "--arxiv-spacing", "0", "--format", "markdown", "p"],
        ["--timeout=10", "--concurrency=1", "--progress=off", "--arxiv-spacing=0.25"],
        ["--remap=-x y", "--output=-"],
        ["--whole-list", "--report", "sarif=out.sarif", "--report=markdown=summary.md", "a.md"],
    ]

    /// Command lines the plain reader leaves to the parser: it would refuse them, print help, or
    /// they use a form the plain reader does not read.
    static let leftToParser: [[String]] = [
        ["-h"], ["--"], ["--", "-odd-name.md"], ["-"], ["--format", "yaml"], ["--format"], ["--format", "--offline"],
        ["--offline", "--offline"], ["--format", "json", "--format", "text"], ["--offline=yes"], ["--frobnicate"],
        ["--config", "a", "--ruleset", "b"], ["--timeout", "0"], ["--timeout", "soon"], ["--concurrency", "0"],
        ["--concurrency", "2.5"], ["--max-cache-age", "forever"], ["--progress", "loud"], ["--arxiv-spacing=-1"],
        ["---offline"],
        ["--report", "yaml=x"], ["--report", "json"], ["--report", "json="], ["--whole-list", "--whole-list"],
    ]

    @Test(arguments: plain)
    func readsAPlainCommandLineAsTheParserDoes(arguments: [String]) throws {
        let read = try #require(PlainLintArguments.parse(arguments), "left to the parser: \(arguments)")
        let parsed = try #require(try LintCommand.parseAsRoot(arguments) as? LintCommand)
        #expect(Self.settings(read) == Self.settings(parsed))
    }

    @Test(arguments: leftToParser)
    func leavesEverythingElseToTheParser(arguments: [String]) {
        #expect(PlainLintArguments.parse(arguments) == nil)
    }

    /// Every setting a lint takes from its command line, read back, whichever way it was read.
    static func lintSettings<Lint: LintSettings>(_ lint: Lint) -> [String] {
        [
            "config=\(lint.shared.config ?? "-")", "ruleset=\(lint.shared.ruleset ?? "-")",
            "output=\(lint.shared.output ?? "-")", "format=\(lint.format.rawValue)", "offline=\(lint.offline)",
            "fix=\(lint.fix)", "changed-since=\(lint.changedSince ?? "-")", "color=\(lint.color)",
            "timings=\(lint.timings)", "paths=\(lint.paths)", "whole-list=\(lint.wholeList)",
            "report=\(lint.reports)",
        ]
    }

    /// Offline command lines without network options, which `OfflineLint` takes.
    static let plainOffline: [[String]] = [
        ["--offline"],
        ["--offline", "."],
        ["--offline", "--format", "json", "list"],
        ["--format=sarif", "a.md", "b.md", "--offline"],
        ["--offline", "--fix", "--color", "--timings", "--changed-since", "HEAD~1", "dir"],
        ["--offline", "--config", "x/.curator.yml", "--output", "report.txt"],
        ["--ruleset=awesome-list", "--offline", "--output=out.json", "--format", "github"],
        ["--offline", "--output=-", "--format=markdown"],
        ["--offline", "--whole-list", "--report=rdjsonl=r.jsonl", "--format", "rdjsonl", "README.md"],
    ]

    @Test(arguments: plainOffline)
    func readsAPlainOfflineCommandLineAsTheParserDoes(arguments: [String]) throws {
        let read = try #require(PlainLintArguments.offlineLint(arguments), "not read as offline: \(arguments)")
        let parsed = try #require(try LintCommand.parseAsRoot(arguments) as? LintCommand)
        #expect(Self.lintSettings(read) == Self.lintSettings(parsed))
    }

    /// A line that is not offline, names a network option, or is not plain is left to `parse`.
    @Test(
        arguments: leftToParser + [
            [], ["."], ["--format", "json", "list"], ["--offline", "--timeout", "2"], ["--offline", "--no-cache"],
            ["--offline", "--remap", "a b"], ["--offline", "--progress=off"], ["--offline", "--format", "yaml"],
            ["--offline", "--config", "a", "--ruleset", "b"],
        ])
    func leavesOtherLinesToTheCommand(arguments: [String]) {
        #expect(PlainLintArguments.offlineLint(arguments) == nil)
    }

    /// The options `OfflineLint` turns away are exactly those a lint has beyond its own settings:
    /// the network group's (`settings` covers every option, `knowsEveryOptionOfTheCommand`).
    @Test func turnsAwayExactlyTheNetworkOptions() throws {
        let parsed = try #require(try LintCommand.parseAsRoot([]) as? LintCommand)
        func names(_ settings: [String]) -> Set<String> { Set(settings.map { String($0.prefix { $0 != "=" }) }) }
        #expect(
            names(Self.settings(parsed)).subtracting(names(Self.lintSettings(parsed)))
                == PlainLintArguments.networkOptions)
    }

    /// The settings above, and so the plain reader, cover every option the commands declare.
    @Test func knowsEveryOptionOfTheCommand() {
        func names(_ value: Any) -> Set<String> {
            Set(Mirror(reflecting: value).children.compactMap { $0.label.map { String($0.dropFirst()) } })
        }
        #expect(
            names(LintCommand())
                == [
                    "shared", "network", "reporting", "format", "offline", "fix", "changedSince", "color", "timings",
                    "paths",
                ])
        #expect(names(SharedOptions()) == ["config", "ruleset", "output"])
        #expect(names(ReportingOptions()) == ["wholeList", "reports"])
        #expect(
            names(NetworkOptions())
                == [
                    "remap", "maxCacheAge", "cache", "noCache", "timeout", "concurrency", "noEntityAPIs", "progress",
                    "maxTime", "arxivSpacing",
                ])
        let spelled = PlainLintArguments.flags.union(PlainLintArguments.valued)
        #expect(spelled.count == 21)
        #expect(
            Set(Self.settings(try! LintCommand.parseAsRoot([]) as! LintCommand).map { String($0.prefix { $0 != "=" }) })
                == spelled.union(["paths"]))
    }
}
