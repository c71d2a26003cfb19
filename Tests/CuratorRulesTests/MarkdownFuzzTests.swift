import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorRules

/// Hostile markdown never crashes a lint or a fix, and the link scan's work grows in proportion
/// to the input. Inputs are generated from fixed seeds, so a failure repeats; sizes are bounded.
struct MarkdownFuzzTests {
    static let row =
        "|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]() [Title](https://arxiv.org/pdf/2409.13652). Author One |<img width=\"202\" alt=\"image\" src=\"figures/x.png\"> |[Paper](https://arxiv.org/abs/2409.13652)| junk [//]: #06/17"
    static let list = [
        "## Pruning", "| Title & Authors | Introduction | Links |", "|:--|:--:|:--:|", row, "  " + row, "> " + row,
        "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. \\", "[[Paper]] (https://arxiv.org/abs/2205.14135)",
        "> quoted \\", "> [link](https://x.org/a) and [[Paper]](https://arxiv.org/abs/2205.14135)", "",
        "\t|[T](https://arxiv.org/abs/1)|", "text](https://x.org) [a](b",
    ]

    /// The example list with every line ending drawn from LF, CRLF and CR, lines shuffled in.
    static func mixedLineEndings(seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var text = ""
        for _ in 0..<60 {
            text += list[random.next(list.count)]
            text += ["\n", "\r\n", "\r"][random.next(3)]
        }
        return text
    }

    /// Random bytes of markdown punctuation, spaces and line endings, and a few letters.
    static func punctuation(seed: UInt64, count: Int) -> String {
        let alphabet = Array("[]()!<>|*_`~\\#-:/. \t\n\r\rah1".utf8)
        var random = SeededRandom(seed: seed)
        return String(decoding: (0..<count).map { _ in alphabet[random.next(alphabet.count)] }, as: UTF8.self)
    }

    static let nested: [String] = [
        String(repeating: ">", count: 30_000) + " x\n",
        String(repeating: "> ", count: 600) + "| a |\n" + String(repeating: "> ", count: 600) + "|--|\n",
        (0..<1_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined(),
        String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000) + "\n",
        String(repeating: "[", count: 20_000) + "a" + String(repeating: "](u)", count: 20_000) + "\n",
        String(repeating: "![", count: 10_000) + "a" + String(repeating: "](u)", count: 10_000) + "\n",
        String(repeating: "~~", count: 10_000) + "a\n",
    ]

    static let repeated: [String] = [
        "[![Star](", "](", "[", "]", "[a](b ", "| [x](y) ", "[Paper] (https://a.b/", "\\](", "](<", "[[",
    ]

    static let ruleset = Result { try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm")) }
    static let offlineRules = BuiltInRules.instances().filter { type(of: $0).description.scope == .offline }

    /// Lints `text` as a topic file and applies the fixes twice over: an input error (a binary
    /// file, nesting too deep) or a refused fix is an answer; a crash or a hang is not.
    static func lintAndFix(_ text: String, path: String = "pruning.md") throws {
        var files = [(relativePath: path, text: text)]
        let linter = Linter(rules: offlineRules)
        for _ in 0..<2 {
            let workspace: Workspace
            do {
                workspace = try Workspace(
                    files: files, ruleset: try ruleset.get(), root: URL(fileURLWithPath: "/nonexistent-list-root"))
            } catch {
                return
            }
            let findings = linter.lint(LintContext(workspace: workspace)).findings
            for finding in findings {
                #expect(finding.location.line >= 1 && finding.location.column >= 1)
            }
            guard let fixed = try? Fixer.apply(findings, to: workspace)[path] else { return }
            files = [(path, String(decoding: fixed, as: UTF8.self))]
        }
    }

    @Test(arguments: 0..<24)
    func mixedLineEndingsNeverCrash(seed: Int) throws {
        try Self.lintAndFix(Self.mixedLineEndings(seed: UInt64(seed) + 1))
        try Self.lintAndFix(Self.mixedLineEndings(seed: UInt64(seed) + 1), path: "hardware.md")
    }

    @Test(arguments: 0..<64)
    func randomPunctuationNeverCrashes(seed: Int) throws {
        try Self.lintAndFix(Self.punctuation(seed: UInt64(seed) * 7919 + 3, count: 4_096))
    }

    @Test(arguments: 0..<nested.count)
    func deepNestingIsAnInputErrorOrReadable(index: Int) throws {
        let text = Self.nested[index]
        do {
            _ = try Document(path: "deep.md", bytes: Array(text.utf8))
        } catch {
            #expect(error.message.hasPrefix("markdown nested more than"))
            #expect(error.line != nil && error.column != nil)
        }
        try Self.lintAndFix(text)
    }

    /// cmark-gfm holds about 200 bytes for each character that may start an inline until its
    /// paragraph ends: a file of more than a million is refused at the place it passes that.
    @Test func tooMuchMarkupIsAnInputErrorAtItsPlace() throws {
        let text = "# Title\n" + String(repeating: "w", count: 1_000_000)
        do {
            _ = try Document(path: "big.md", bytes: Array(text.utf8))
            Issue.record("a file of more than a million markup characters was parsed")
        } catch {
            #expect(error.description.hasPrefix("big.md:2:1000000: more than 1000000 characters that start markdown"))
        }
        #expect(throws: Never.self) {
            try Document(path: "big.md", bytes: Array(String(repeating: "w", count: 999_999).utf8))
        }
    }

    @Test func aLoneCarriageReturnEndsALine() throws {
        let source = try SourceText(path: "t.md", bytes: Array("x\ry\r\nz\n\rw".utf8))
        #expect(source.lineCount == 5)
        #expect((1...5).map(source.lineText) == ["x", "y", "z", "", "w"])
        try Self.lintAndFix("x\ry\n")
    }

    /// The scanner's steps on `unit` repeated `count` times, on one line and on as many lines.
    static func steps(_ unit: String, count: Int, separator: String) throws -> Int {
        let text = Array(repeating: unit, count: count).joined(separator: separator) + "\n"
        let document = try Document(path: "x.md", bytes: Array(text.utf8))
        var steps = 0
        _ = LinkSyntaxScanner(document: document).candidates(countingSteps: &steps)
        return steps
    }

    @Test(arguments: repeated)
    func theLinkScanIsLinear(unit: String) throws {
        for separator in ["", "\n", " | "] {
            let small = try Self.steps(unit, count: 2_000, separator: separator)
            let large = try Self.steps(unit, count: 16_000, separator: separator)
            let bytes = 16_000 * (unit.utf8.count + separator.utf8.count)
            // Eight times the input is at most a little over eight times the work, and the work
            // is a small multiple of the bytes.
            #expect(large <= small * 9 + 100, "\(unit) x 16000 took \(large) steps, x 2000 took \(small)")
            #expect(large <= bytes * 4, "\(unit) x 16000: \(large) steps for \(bytes) bytes")
        }
    }

    @Test func randomPunctuationScansInLinearSteps() throws {
        for seed: UInt64 in 1...8 {
            let text = Self.punctuation(seed: seed, count: 65_536)
            let document = try Document(path: "x.md", bytes: Array(text.utf8))
            var steps = 0
            _ = LinkSyntaxScanner(document: document).candidates(countingSteps: &steps)
            #expect(steps <= 4 * 65_536)
        }
    }
}
