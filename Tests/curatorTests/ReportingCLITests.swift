import CuratorTestSupport
import Foundation
import Testing

/// `--whole-list` (the pre-commit hook's reading), `--report FORMAT=FILE` (the Action's one run
/// for every report) and `--format rdjsonl` (reviewdog's suggested changes), run as a user would.
struct ReportingCLITests {
    static let exampleList = Corpus.repositoryRoot.appendingPathComponent("fixtures/example-list")

    /// A writable copy of the example list.
    static func exampleCopy() throws -> URL {
        let directory = try CLI.temporaryDirectory().appendingPathComponent("list")
        try FileManager.default.copyItem(at: exampleList, to: directory)
        return directory
    }

    /// (file, rule, message) of each finding of a JSON report.
    static func findings(_ json: String) throws -> [[String]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["findings"] as? [[String: Any]] ?? []).map {
            [$0["file"] as? String ?? "", $0["rule"] as? String ?? "", $0["message"] as? String ?? ""]
        }
    }

    /// A staged README alone still gets the mirror finding, which needs the topic file; findings
    /// in the other files are not reported; a fixing hook changes only the files it was given.
    @Test func wholeListReportsOnlyTheGivenFiles() throws {
        let list = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: list.deletingLastPathComponent()) }
        let everything = try Self.findings(CLI.run(["lint", "--offline", "--format", "json", "."], in: list).stdout)
        #expect(Set(everything.map { $0[0] }).count > 2, "the example list has findings in several files")

        let alone = try CLI.run(["lint", "--offline", "--format", "json", "README.md"], in: list)
        #expect(try !Self.findings(alone.stdout).contains { $0[1] == "mirror-drift" }, "a lone README has no mirrors")

        let staged = try CLI.run(["lint", "--offline", "--whole-list", "--format", "json", "README.md"], in: list)
        #expect(staged.status == 0, "the README's finding is a warning; the errors elsewhere do not block")
        let readme = everything.filter { $0[0] == "README.md" }
        #expect(!readme.isEmpty)
        #expect(try Self.findings(staged.stdout) == readme)
        #expect(readme.contains { $0[1] == "mirror-drift" })

        let pruning = try CLI.run(
            ["lint", "--offline", "--whole-list", "--format", "json", "./pruning.md", "survey.md"], in: list)
        #expect(pruning.status == 1)
        #expect(try Self.findings(pruning.stdout) == everything.filter { ["pruning.md", "survey.md"].contains($0[0]) })

        let quantization = list.appendingPathComponent("quantization.md")
        let untouched = try Data(contentsOf: quantization)
        let survey = list.appendingPathComponent("survey.md")
        let before = try Data(contentsOf: survey)
        let fixed = try CLI.run(
            ["lint", "--offline", "--ruleset", "awesome-efficient-llm", "--whole-list", "--fix", "survey.md"], in: list)
        #expect(fixed.status == 0 || fixed.status == 1, "\(fixed.stderr)")
        #expect(try Data(contentsOf: survey) != before, "survey.md has fixable findings")
        #expect(try Data(contentsOf: quantization) == untouched, "a file not given is never written")
    }

    /// One run writes every report: each `--report` file is what `--format` alone prints.
    @Test func reportOptionWritesEveryFormatFromOneRun() throws {
        let list = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: list.deletingLastPathComponent()) }
        let run = try CLI.run(
            [
                "lint", "--offline", "--format", "github", "--report", "markdown=../out-summary.md", "--report",
                "sarif=../out.sarif", "--report=rdjsonl=../out.jsonl", ".",
            ], in: list)
        #expect(run.status == 1, "\(run.stderr)")
        for (format, file) in [
            ("github", nil), ("markdown", "../out-summary.md"), ("sarif", "../out.sarif"), ("rdjsonl", "../out.jsonl"),
        ] {
            let alone = try CLI.run(["lint", "--offline", "--format", format, "."], in: list)
            let written = try file.map { try String(contentsOf: list.appendingPathComponent($0), encoding: .utf8) }
            #expect((written ?? run.stdout) == alone.stdout, "\(format)")
            #expect(!alone.stdout.isEmpty)
        }
        let bad = try CLI.run(["lint", "--offline", "--report", "yaml=out.yaml", "."], in: list)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--report"))
    }

    /// The edits of every suggestion of an rdjsonl report, as byte ranges of each file: positions
    /// are 1-based lines and 1-based UTF-8 byte columns, ends exclusive.
    static func suggestedEdits(_ rdjsonl: String, in root: URL) throws -> [String: [(Range<Int>, String)]] {
        var edits: [String: [(Range<Int>, String)]] = [:]
        var lineStarts: [String: [Int]] = [:]
        for line in rdjsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let path = try #require((object["location"] as? [String: Any])?["path"] as? String)
            if lineStarts[path] == nil {
                let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(path)))
                lineStarts[path] = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
            }
            let starts = lineStarts[path]!
            func offset(_ position: Any?) throws -> Int {
                let position = try #require(position as? [String: Any])
                let line = try #require(position["line"] as? Int)
                let column = try #require(position["column"] as? Int)
                return starts[line - 1] + column - 1
            }
            for suggestion in object["suggestions"] as? [[String: Any]] ?? [] {
                let range = try #require(suggestion["range"] as? [String: Any])
                let text = try #require(suggestion["text"] as? String)
                edits[path, default: []].append((try offset(range["start"])..<(try offset(range["end"])), text))
            }
        }
        return edits
    }

    /// Applies each suggestion once, as a reviewer accepting them all would: identical ones once,
    /// overlapping ones not at all after the first.
    static func applySuggestions(_ rdjsonl: String, in root: URL) throws -> Int {
        var applied = 0
        for (path, edits) in try suggestedEdits(rdjsonl, in: root) {
            let url = root.appendingPathComponent(path)
            var bytes = try [UInt8](Data(contentsOf: url))
            var taken: [Range<Int>] = []
            for (range, text) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
                if taken.contains(where: {
                    $0.overlaps(range) || $0 == range || ($0.isEmpty && range.contains($0.lowerBound))
                }) {
                    continue
                }
                bytes.replaceSubrange(range, with: Array(text.utf8))
                taken.append(range)
                applied += 1
            }
            try Data(bytes).write(to: url)
        }
        return applied
    }

    /// Applying the suggestions once clears the findings they belong to and adds none; the
    /// target is 80% of the fixable findings in one pass.
    static func suggestionsClearFindings(in list: URL) throws -> (fixable: Int, cleared: Int, added: Int) {
        let before = try CLI.run(["lint", "--offline", "--format", "json", "."], in: list)
        let object = try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any]
        let all = object?["findings"] as? [[String: Any]] ?? []
        let fixable = all.filter { $0["fix"] != nil }.count
        let rdjsonl = try CLI.run(["lint", "--offline", "--format", "rdjsonl", "."], in: list).stdout
        #expect(rdjsonl.split(separator: "\n").count == all.count, "one diagnostic a finding")
        #expect(try applySuggestions(rdjsonl, in: list) > 0)
        let after = try findings(CLI.run(["lint", "--offline", "--format", "json", "."], in: list).stdout)
        var remaining = Dictionary(after.map { ($0, 1) }, uniquingKeysWith: +)
        var cleared = 0
        var beforeCounts = Dictionary(try findings(before.stdout).map { ($0, 1) }, uniquingKeysWith: +)
        for finding in all where finding["fix"] != nil {
            let key = [
                finding["file"] as? String ?? "", finding["rule"] as? String ?? "", finding["message"] as? String ?? "",
            ]
            if (remaining[key] ?? 0) > 0 { remaining[key]! -= 1 } else { cleared += 1 }
        }
        var added = 0
        for finding in after {
            if (beforeCounts[finding] ?? 0) > 0 { beforeCounts[finding]! -= 1 } else { added += 1 }
        }
        return (fixable, cleared, added)
    }

    @Test func suggestionsClearTheFixableFindingsOfTheExampleList() throws {
        let list = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: list.deletingLastPathComponent()) }
        let (fixable, cleared, added) = try Self.suggestionsClearFindings(in: list)
        #expect(fixable > 0)
        #expect(Double(cleared) >= 0.8 * Double(fixable), "\(cleared) of \(fixable)")
        #expect(added == 0)
    }

    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
    func suggestionsClearTheFixableFindingsOfTheCorpus() throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let copy = try Corpus.temporaryCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let (fixable, cleared, added) = try Self.suggestionsClearFindings(in: copy)
        print(
            "rdjsonl suggestions applied once on the corpus: \(cleared) of \(fixable) fixable findings cleared, \(added) added"
        )
        #expect(fixable > 0)
        #expect(Double(cleared) >= 0.8 * Double(fixable), "\(cleared) of \(fixable)")
        #expect(added == 0)
    }
}
