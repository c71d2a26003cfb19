import CuratorTestSupport
import Foundation
import Testing

/// `curator init` on small lists in the shapes of real paper lists (fixtures/InitTests/): the
/// config it writes reads every entry, leaves only the findings named here, keeps an existing
/// config unless told, and `--fix` under it loses no paper, repository or row.
struct InitCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var folder: String
        var entries: Int
        /// The warnings and errors left after init, as `rule:line`.
        var findings: [String]
        /// A line the config must hold.
        var configHolds: String

        var testDescription: String { folder }
    }

    static let cases = [
        Case(folder: "numbered", entries: 5, findings: [], configHolds: "marker: '1.'"),
        Case(folder: "bold-bullets", entries: 4, findings: [], configHolds: "title-style: bold"),
        Case(folder: "dated-table", entries: 5, findings: [], configHolds: "scope: section"),
        Case(folder: "text-title", entries: 4, findings: [], configHolds: "title-style: text"),
        Case(
            folder: "badge-table", entries: 5, findings: ["venue-label:8", "venue-label:10"],
            configHolds: "kinds: ['Conference', 'Journal', 'Workshop', 'Submission']"),
    ]

    static func copy(_ folder: String) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        let source = Corpus.repositoryRoot.appendingPathComponent("fixtures/InitTests/\(folder)/README.md")
        try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent("README.md"))
        return directory
    }

    /// What a fix must keep: every arXiv id, every repository, every table row.
    static func inventory(_ text: String) -> (ids: Set<String>, repositories: Set<String>, rows: Int) {
        func matches(_ pattern: String) -> Set<String> {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            return Set(
                regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
        }
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }.count
        return (matches("\\d{4}\\.\\d{4,5}"), matches("github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"), rows)
    }

    @Test(arguments: cases)
    func initThenLintLeavesOnlyTheNamedFindings(_ shape: Case) throws {
        let directory = try Self.copy(shape.folder)
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try CLI.run(["init"], in: directory)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("wrote .curator.yml: "))
        let config = try String(contentsOf: directory.appendingPathComponent(".curator.yml"), encoding: .utf8)
        #expect(config.contains(shape.configHolds), "\(config)")

        let lint = try CLI.run(["lint", "--offline", "--format", "json", "."], in: directory)
        #expect(lint.stderr.isEmpty)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["entries"] as? Int == shape.entries)
        let findings = try #require(report["findings"] as? [[String: Any]]).filter {
            $0["severity"] as? String != "info"
        }
        #expect(findings.map { "\($0["rule"] ?? ""):\($0["line"] ?? "")" } == shape.findings)

        let file = directory.appendingPathComponent("README.md")
        let before = Self.inventory(try String(contentsOf: file, encoding: .utf8))
        let fixed = try CLI.run(["lint", "--offline", "--fix", "."], in: directory)
        #expect(fixed.status != 2, "\(fixed.stderr)")
        let after = Self.inventory(try String(contentsOf: file, encoding: .utf8))
        #expect(after.ids == before.ids)
        #expect(after.repositories == before.repositories)
        #expect(after.rows == before.rows)
    }

    @Test func anExistingConfigStaysWithoutForce() throws {
        let directory = try Self.copy("numbered")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent(".curator.yml")
        try "extends: awesome-list\n".write(to: config, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["init"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr == "curator: .curator.yml exists; pass --force to replace it (nothing was written)\n")
        #expect(try String(contentsOf: config, encoding: .utf8) == "extends: awesome-list\n")
        let forced = try CLI.run(["init", "--force"], in: directory)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: config, encoding: .utf8).contains("marker: '1.'"))
    }

    @Test func aFolderWithoutPapersWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# Notes\n\nNo papers here.\n".write(
            to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["init", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no table or list of papers found"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["README.md"])
    }

    @Test func stdoutPrintsTheConfigAndWritesNothing() throws {
        let directory = try Self.copy("bold-bullets")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["init", "--stdout"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("skip-sections: ['Content', 'Contributing to this list']"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["README.md"])
    }
}

/// A suppression comment after a row's last pipe can sit beside the date comment, before or after
/// it: it silences the rule, and neither comment reads as stray text or as part of the other.
struct SuppressionBesideDateCommentTests {
    @Test func aSuppressionBesideTheDateCommentIsNoStrayText() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let row =
            "|[Wanda: Pruning by Weights](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun | |[Paper](https://arxiv.org/abs/2306.11695)|"
        let text =
            "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n" + row + "[//]: #06/17\n" + row
            + "[//]: #06/17 <!-- curator-disable-line duplicate-paper -->\n" + row
            + "<!-- curator-disable-line duplicate-paper --> [//]: #06/17\n"
        try text.write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--offline", "--ruleset", "awesome-efficient-llm", "."], in: directory)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "0 errors, 0 warnings in 1 file (3 entries)\n")
    }
}
