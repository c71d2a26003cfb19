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
