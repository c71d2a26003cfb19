import CuratorTestSupport
import Foundation
import Testing

/// Exit statuses and error messages of the command line: 0 clean, 1 errors found, 2 bad usage,
/// configuration or input, with the place named and nothing written.
struct ExitStatusTests {
    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"

    @Test func unknownFormatIsAUsageError() throws {
        let result = try CLI.run(["lint", "--format", "bogus", "."])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format"))
    }

    @Test func missingPathIsAnInputError() throws {
        let result = try CLI.run(["lint", "--offline", "no/such/dir"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/dir: no such file or directory"))
    }

    @Test func invalidUTF8IsPlaced() throws {
        let directory = try CLI.temporaryDirectory()
        var bytes = Array("# List\n\nline ".utf8)
        bytes += [0xFF, 0x0A]
        try Data(bytes).write(to: directory.appendingPathComponent("pruning.md"))
        let result = try CLI.run(["lint", "--offline", "pruning.md"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("pruning.md:3:6: invalid UTF-8"))
        #expect(result.stdout.isEmpty)
    }

    @Test func brokenConfigIsPlacedAndNothingIsWritten() throws {
        let directory = try CLI.temporaryDirectory()
        try "extends: awesome-efficient-llm\nstar:\n  min-stars: [1, 2]\n  mark: x\n".write(
            to: directory.appendingPathComponent(".curator.yml"), atomically: true, encoding: .utf8)
        let text = Self.header + "| [T](https://arxiv.org/pdf/2401.00001v2) <br> A | | |  \n"
        try text.write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--offline", "--fix", "--output", "report.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".curator.yml:3:"))
        #expect(try String(contentsOf: directory.appendingPathComponent("pruning.md"), encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.txt").path))
    }

    static func list(config: String?) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        if let config {
            try config.write(to: directory.appendingPathComponent(".curator.yml"), atomically: true, encoding: .utf8)
        }
        let text = Self.header + "| [T](https://arxiv.org/pdf/2401.00001v2) <br> A | | |  \n"
        try text.write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        return directory
    }

    /// Typos below the top level, unknown rule ids and severities, and values nothing can use are
    /// errors at their place, with the closest known spelling.
    @Test(arguments: [
        ("http:\n  timout: 5\n", ".curator.yml:3:3: unknown key 'timout' in 'http' (did you mean 'timeout'?)"),
        (
            "rules:\n  venue-lable: off\n",
            ".curator.yml:3:3: 'rules': unknown rule 'venue-lable' (did you mean 'venue-label'?)"
        ),
        (
            "rules: {trailing-space: blah}\n",
            ".curator.yml:2:25: 'rules.trailing-space': expected one of: error, warning, info, off; found 'blah'"
        ),
        (
            "http: {concurrency: 0}\n",
            ".curator.yml:2:21: 'http.concurrency': expected a whole number of at least 1, found 0"
        ),
        ("http: {timeout: .inf}\n", ".curator.yml:2:17: 'http.timeout': expected a finite number above 0, found .inf"),
        (
            "star: {min-stars: -5}\n",
            ".curator.yml:2:19: 'star.min-stars': expected a whole number of at least 0, found -5"
        ),
    ])
    func badConfigIsPlacedWithASuggestion(config: String, message: String) throws {
        let directory = try Self.list(config: "extends: awesome-efficient-llm\n" + config)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["lint", "--offline", "--fix", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr == "curator: \(message)\n")
        #expect(result.stdout.isEmpty)
    }

    /// The network options are refused before anything is fetched when they cannot be used.
    @Test(arguments: [
        ["lint", "--timeout=inf"], ["lint", "--timeout=nan"], ["lint", "--timeout=-1"], ["lint", "--concurrency=0"],
        ["lint", "--concurrency=-1"], ["lint", "--arxiv-spacing=nan"], ["refresh", "--arxiv-spacing=inf"],
    ])
    func unusableNetworkOptionIsAUsageError(words: [String]) throws {
        let directory = try Self.list(config: "extends: awesome-efficient-llm\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let option = words[1]
        let result = try CLI.run(words + ["."], in: directory)
        #expect(result.status == 2)
        let name = option.prefix { $0 != "=" }
        #expect(result.stderr.contains("\(name) must be"), "\(result.stderr)")
    }

    /// Without a config, lint says which ruleset it read the list with, on one line.
    @Test func lintWithoutAConfigSaysWhichRulesetItAssumed() throws {
        let directory = try Self.list(config: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let assumed = try CLI.run(["lint", "--offline", "."], in: directory)
        #expect(
            assumed.stderr
                == "curator: no .curator.yml here or above: reading the list as 'awesome-efficient-llm'; `curator init` detects the list's format and writes one, or choose a format with a .curator.yml that says 'extends: NAME', or with --ruleset NAME (shipped: awesome-efficient-llm, awesome-list)\n"
        )
        let chosen = try CLI.run(["lint", "--offline", "--ruleset", "awesome-efficient-llm", "."], in: directory)
        #expect(chosen.stderr.isEmpty)
        #expect(chosen.stdout == assumed.stdout)
    }

    /// `--fix` does not rewrite a list on the default ruleset's word: it refuses, says how to
    /// choose a format, and changes nothing.
    @Test func fixWithoutAConfigChangesNothing() throws {
        let directory = try Self.list(config: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pruning.md")
        let before = try Data(contentsOf: file)
        let result = try CLI.run(["lint", "--offline", "--fix", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--fix needs to know the list's format"))
        #expect(result.stderr.contains("`curator init`"))
        #expect(result.stderr.contains("'extends: NAME'"))
        #expect(result.stderr.contains("--ruleset NAME"))
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pruning.md"])
        let fixed = try CLI.run(
            ["lint", "--offline", "--fix", "--ruleset", "awesome-efficient-llm", "."], in: directory)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try Data(contentsOf: file) != before)
    }

    @Test func unknownRuleIsAnError() throws {
        let result = try CLI.run(["rules", "no-such-rule"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no rule 'no-such-rule'"))
    }

    @Test func cleanListExitsZero() throws {
        let directory = try CLI.temporaryDirectory()
        try "# A list\n\nNothing here yet.\n".write(
            to: directory.appendingPathComponent("survey.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--offline", "--format", "json", "."], in: directory)
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = json?["summary"] as? [String: Any]
        #expect(summary?["files"] as? Int == 1)
        #expect(summary?["findings"] as? Int == 0)
    }
}
