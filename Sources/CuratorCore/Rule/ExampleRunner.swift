import Foundation

/// Runs one rule on one of its examples, as the test suite and `curator rules` do.
public enum ExampleRunner {
    /// The marker that stands before each position a finding must point at.
    public static let marker = "↓"

    public struct Outcome: Sendable {
        /// Where the markers say findings must be, as (line, column) in the example file.
        public var expected: [SourceLocation]
        /// The rule's findings in the example file.
        public var findings: [Finding]
        /// The example file after applying every fix, when fixes were asked for.
        public var fixed: String?
    }

    /// Strips the markers and returns the text with the locations they marked.
    public static func stripMarkers(_ markdown: String, path: String) -> (text: String, locations: [SourceLocation]) {
        var text = ""
        var locations: [SourceLocation] = []
        var line = 1
        var column = 1
        for character in markdown {
            if String(character) == marker {
                locations.append(SourceLocation(file: path, line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (text, locations)
    }

    public static func run(_ rule: any Rule, on example: Example, applyFixes: Bool = false) throws -> Outcome {
        let (text, expected) = stripMarkers(example.markdown, path: example.path)
        let ruleset = try CompiledRuleset(
            example.config.map { try RulesetLoader.layered(over: example.ruleset, $0, path: "example.yml") }
                ?? RulesetLoader.shipped(example.ruleset))
        var files = [(relativePath: example.path, text: text)]
        for (path, other) in example.otherFiles.sorted(by: { $0.key < $1.key }) {
            files.append((path, stripMarkers(other, path: path).text))
        }
        let workspace = try Workspace(
            files: files, ruleset: ruleset, root: URL(fileURLWithPath: "/nonexistent-list-root"))
        // Example lists have a figures/ folder holding exactly the figures named `figures/present*`.
        let context = LintContext(workspace: workspace, facts: example.facts) { $0.hasPrefix("figures/present") }
        let findings = rule.check(context).filter { $0.location.file == example.path }.sorted {
            $0.location < $1.location
        }
        var fixed: String?
        if applyFixes {
            let edits = findings.compactMap(\.fix).flatMap(\.edits).filter { $0.file == example.path }
            fixed = String(decoding: Fixer.apply(edits, to: Array(text.utf8)), as: UTF8.self)
        }
        return Outcome(expected: expected, findings: findings, fixed: fixed)
    }
}
