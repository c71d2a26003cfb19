/// How much a finding matters. Only `error` fails a run (exit status 1).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place in a file: a path relative to the working directory, 1-based line and column.
/// Columns count Unicode scalars from the line's start, as editors and GitHub annotations do.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One replacement of a byte range of a file. Byte ranges index the file's raw bytes, so an edit
/// never disturbs anything outside its range.
///
/// An edit can say what its rule read: the bytes it replaces (`expected`) and the byte range of
/// the node it belongs to (`node`, named `nodeName`). `Fixer` refuses an edit that does not
/// match them, since that would change bytes the rule never looked at.
public struct TextEdit: Sendable, Hashable, Codable {
    public var file: String
    public var range: Range<Int>
    public var replacement: String
    public var expected: String?
    public var node: Range<Int>?
    public var nodeName: String?

    public init(
        file: String, range: Range<Int>, replacement: String, expected: String? = nil, node: Range<Int>? = nil,
        nodeName: String? = nil
    ) {
        self.file = file
        self.range = range
        self.replacement = replacement
        self.expected = expected
        self.node = node
        self.nodeName = nodeName
    }
}

/// A safe, mechanical correction: what it does in words, and the edits that do it.
public struct Fix: Sendable, Hashable, Codable {
    public var summary: String
    public var edits: [TextEdit]

    public init(summary: String, edits: [TextEdit]) {
        self.summary = summary
        self.edits = edits
    }
}

/// What a rule reports: where, which rule, how bad, what is wrong, and how to fix it if it can.
public struct Finding: Sendable, Hashable, Codable {
    public var location: SourceLocation
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var fix: Fix?
    /// Other places the finding concerns (the earlier copy of a duplicate). `--changed-since`
    /// keeps a finding when any of its places changed, so adding a copy above an old row is
    /// still reported on the old row.
    public var related: [SourceLocation]

    public init(
        location: SourceLocation, ruleID: String, severity: Severity, message: String, fix: Fix? = nil,
        related: [SourceLocation] = []
    ) {
        self.location = location
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.fix = fix
        self.related = related
    }
}

/// The outcome of one lint run, as every reporter receives it.
public struct LintReport: Sendable {
    /// Number of markdown files read.
    public var files: Int
    /// Number of entries read across those files.
    public var entries: Int
    /// Findings sorted by location, then rule.
    public var findings: [Finding]
    /// Summary and help text of every rule that can appear, keyed by id (for SARIF and summaries).
    public var rules: [String: RuleSummary]

    public init(files: Int, entries: Int, findings: [Finding], rules: [String: RuleSummary]) {
        self.files = files
        self.entries = entries
        self.findings = findings
        self.rules = rules
    }

    /// Findings counted per rule id.
    public var countsByRule: [String: Int] {
        findings.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// The part of a rule's description that reports show beside its findings.
public struct RuleSummary: Sendable, Hashable {
    public var id: String
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
    }
}
