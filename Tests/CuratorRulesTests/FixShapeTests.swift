import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorRules

/// `--fix` on the corpus written in other shapes that GitHub renders the same: rows indented one
/// to three spaces, CRLF or CR line endings, tabs in cells, `\` hard line breaks in bullets, the
/// whole file in a block quote. Fixing a shape must give the same shape of the fixed list, and
/// lose no arXiv id, repository or entry: a fix computed from a wrong position shows up here as
/// bytes moved or broken.
@Suite(.enabled(if: Corpus.shouldRun, "\(Corpus.skipNote)"))
struct FixShapeTests {
    /// One way of writing the same list. Each maps a file's text line by line, so it applies to the
    /// list before and after fixing alike.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var transform: @Sendable (String) -> String
        var testDescription: String { name }

        static func lines(_ name: String, ending: String = "\n", _ line: @escaping @Sendable (String) -> String)
            -> Shape
        {
            Shape(name: name) { text in
                var lines = text.components(separatedBy: "\n")
                let last = lines.removeLast()
                // A last line without a line ending is shaped too and keeps having none.
                return lines.map { line($0) + ending }.joined() + (last.isEmpty ? "" : line(last))
            }
        }

        static func then(_ first: Shape, _ second: Shape) -> Shape {
            Shape(name: "\(first.name), \(second.name)") { second.transform(first.transform($0)) }
        }
    }

    /// Table rows after a table's header and delimiter row: the lines starting with `|` whose
    /// line before also starts with `|` and whose second line back does too.
    static func indentingRows(by count: Int) -> Shape {
        Shape(name: "rows indented \(count)") { text in
            var lines = text.components(separatedBy: "\n")
            var run = 0
            for index in lines.indices {
                run = lines[index].hasPrefix("|") ? run + 1 : 0
                if run > 2 { lines[index] = String(repeating: " ", count: count) + lines[index] }
            }
            return lines.joined(separator: "\n")
        }
    }

    static let shapes: [Shape] = [
        indentingRows(by: 1), indentingRows(by: 2), indentingRows(by: 3),
        .lines("CRLF", ending: "\r\n") { $0 },
        .lines("CR", ending: "\r") { $0 },
        // A tab before each figure cell's content, which GitHub trims like a space.
        .lines("tabs in cells") { $0.replacingOccurrences(of: "|<img", with: "|\t<img") },
        // A bullet's links on a line of their own after a `\` hard line break.
        .lines("hard breaks") {
            guard $0.hasPrefix("* "), let range = $0.range(of: " [[") else { return $0 }
            return $0.replacingCharacters(in: range, with: " \\\n  [[")
        },
        .lines("block quote") { $0.isEmpty ? ">" : "> " + $0 },
        .then(
            indentingRows(by: 2),
            .then(.lines("block quote") { $0.isEmpty ? ">" : "> " + $0 }, .lines("CRLF", ending: "\r\n") { $0 })),
    ]

    static let offlineRules = BuiltInRules.instances().filter { type(of: $0).description.scope == .offline }

    /// The list's files (relative path and text), from a temporary copy of the corpus.
    static func corpusFiles() throws -> [(relativePath: String, text: String)] {
        let copy = try Corpus.temporaryCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        return try Corpus.markdownFiles().map { path in
            (path, try String(contentsOf: copy.appendingPathComponent(path), encoding: .utf8))
        }
    }

    static func workspace(_ files: [(relativePath: String, text: String)]) throws -> Workspace {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        return try Workspace(files: files, ruleset: ruleset, root: Corpus.listDirectory)
    }

    /// Lints and applies the fixes until none is left, as `curator lint --fix` does.
    static func fixed(_ files: [(relativePath: String, text: String)]) throws -> [(relativePath: String, text: String)]
    {
        var files = files
        let linter = Linter(rules: offlineRules)
        for _ in 0..<LintPasses.maximum {
            let workspace = try workspace(files)
            let findings = linter.lint(LintContext(workspace: workspace)).findings
            guard findings.contains(where: { $0.fix != nil }) else { break }
            let changed = try Fixer.apply(findings, to: workspace)
            files = files.map { file in
                (file.relativePath, changed[file.relativePath].map { String(decoding: $0, as: UTF8.self) } ?? file.text)
            }
        }
        return files
    }

    /// What must survive a fix: the arXiv ids, the repositories and the readable entries.
    struct Inventory: Equatable {
        var arxivIDs: Set<String> = []
        var repositories: Set<String> = []
        var readableEntries = 0

        /// Whether everything of `before` is still here (a fix may make an unreadable entry readable).
        func keeps(_ before: Inventory) -> Bool {
            arxivIDs.isSuperset(of: before.arxivIDs) && repositories.isSuperset(of: before.repositories)
                && readableEntries >= before.readableEntries
        }

        init(_ workspace: Workspace) {
            for entry in workspace.catalog.entries {
                if let id = entry.arxivID { arxivIDs.insert(id.key) }
                if let repository = entry.repository { repositories.insert(repository.key) }
                if entry.unreadableReason == nil { readableEntries += 1 }
            }
        }
    }

    static let plainFixed = Result { try fixed(corpusFiles()) }

    @Test func fixingThePlainListLosesNothing() throws {
        let files = try Self.corpusFiles()
        let before = Inventory(try Self.workspace(files))
        let after = Inventory(try Self.workspace(try Self.plainFixed.get()))
        #expect(before.readableEntries > 1000)
        #expect(after.keeps(before))
    }

    @Test(arguments: shapes)
    func fixingAShapeGivesTheShapeOfTheFixedList(shape: Shape) throws {
        let files = try Self.corpusFiles()
        let shaped = files.map { (relativePath: $0.relativePath, text: shape.transform($0.text)) }
        let before = Inventory(try Self.workspace(shaped))
        #expect(before == Inventory(try Self.workspace(files)), "the shape reads as another list")
        let fixedShape = try Self.fixed(shaped)
        let shapeOfFixed = try Self.plainFixed.get().map {
            (relativePath: $0.relativePath, text: shape.transform($0.text))
        }
        for (fixedFile, expectedFile) in zip(fixedShape, shapeOfFixed) {
            #expect(
                fixedFile.text == expectedFile.text,
                "\(fixedFile.relativePath) fixed differently in shape \(shape.name)")
        }
        #expect(Inventory(try Self.workspace(fixedShape)).keeps(before))
    }
}

/// The number of passes `curator lint --fix` makes at most.
enum LintPasses {
    static let maximum = 5
}
