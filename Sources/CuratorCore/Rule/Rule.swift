/// A check of a list. A rule is a value that describes itself: its description is both its
/// documentation (`curator rules ID`) and its test (every example runs in the test suite).
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Reports what is wrong in the workspace. Rules see the whole catalog so that duplicate and
    /// mirror checks can compare entries across files; the linter keeps only what was asked for.
    func check(_ context: LintContext) -> [Finding]
}

/// A rule that looks at one entry at a time.
public protocol EntryRule: Rule {
    func check(_ entry: Entry, in context: LintContext) -> [Finding]
}

extension EntryRule {
    public func check(_ context: LintContext) -> [Finding] {
        context.workspace.catalog.entries.flatMap { check($0, in: context) }
    }
}

/// Whether a rule works from the files alone or needs the network.
public enum RuleScope: String, Sendable {
    case offline
    case network
}

public struct RuleDescription: Sendable {
    /// kebab-case, unique.
    public var id: String
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters to a list's readers and maintainers.
    public var rationale: String
    public var severity: Severity
    public var scope: RuleScope
    /// Markdown that must trigger the rule; `↓` marks where each finding must point.
    public var triggering: [Example]
    /// Markdown that must not trigger it.
    public var nonTriggering: [Example]
    /// Input (with `↓` markers) → text after `--fix`.
    public var corrections: [Correction]

    public init(
        id: String, summary: String, rationale: String, severity: Severity, scope: RuleScope = .offline,
        triggering: [Example] = [], nonTriggering: [Example] = [], corrections: [Correction] = []
    ) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.scope = scope
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
    }

    public var ruleSummary: RuleSummary {
        RuleSummary(id: id, summary: summary, rationale: rationale, defaultSeverity: severity)
    }
}

/// A markdown snippet a rule is tried on, remembering where it was written so that a failing
/// example is reported at its own line.
public struct Example: Sendable {
    /// The file under test, with `↓` before each position a finding must point at.
    public var markdown: String
    /// The path the snippet is linted as (it decides which formats apply).
    public var path: String
    /// Other files of the same list, for rules that compare files (mirrors, duplicates).
    public var otherFiles: [String: String]
    /// The shipped ruleset the example is read with.
    public var ruleset: String
    /// Config keys laid over `ruleset` (YAML), as a list's `.curator.yml` would set them.
    public var config: String?
    /// What the network said, for network rules; nil runs the example offline.
    public var facts: Facts?
    public var file: String
    public var line: Int

    public init(
        _ markdown: String, path: String = "pruning.md", otherFiles: [String: String] = [:],
        ruleset: String = "awesome-efficient-llm", config: String? = nil, facts: Facts? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.markdown = markdown
        self.path = path
        self.otherFiles = otherFiles
        self.ruleset = ruleset
        self.config = config
        self.facts = facts
        self.file = file
        self.line = line
    }
}

/// An example of what `--fix` does: input (with `↓` markers) and the expected output.
public struct Correction: Sendable {
    public var before: Example
    public var after: String

    public init(_ before: Example, _ after: String) {
        self.before = before
        self.after = after
    }
}
