import Foundation

/// What a rule sees: the workspace and a way to make findings at byte offsets.
public struct LintContext: Sendable {
    public let workspace: Workspace
    /// Tells whether a file of the list's repository exists (for local figures).
    public let fileExists: @Sendable (String) -> Bool
    /// What the network said, for the network rules; nil when running offline.
    public let facts: Facts?
    /// Readings of documents that more than one rule needs, computed once.
    public let shared = SharedAnalyses()
    /// The list's folders, each read once: what `fileExists` asks by default, and where a rule
    /// looks for a file's name in another case.
    public let listings: DirectoryListings

    public init(workspace: Workspace, facts: Facts? = nil, fileExists: (@Sendable (String) -> Bool)? = nil) {
        self.workspace = workspace
        self.facts = facts
        let listings = DirectoryListings(root: workspace.root)
        self.listings = listings
        self.fileExists = fileExists ?? { listings.exists($0) }
    }

    public var ruleset: CompiledRuleset { workspace.ruleset }
    public var catalog: Catalog { workspace.catalog }

    /// A finding of `rule` at byte `offset` of `file` (its display path).
    public func finding<R: Rule>(
        _ rule: R.Type, file: String, offset: Int, message: String, fix: Fix? = nil
    ) -> Finding {
        let location =
            workspace.document(named: file)?.source.sourceLocation(ofByte: offset)
            ?? SourceLocation(file: file, line: 1, column: 1)
        return Finding(
            location: location, ruleID: R.description.id, severity: R.description.severity, message: message, fix: fix)
    }

    /// Where an entry starts, for a finding's related places.
    public func location(of entry: Entry) -> SourceLocation {
        workspace.document(named: entry.file)?.source.sourceLocation(ofByte: entry.range.lowerBound)
            ?? SourceLocation(file: entry.file, line: entry.line, column: 1)
    }

    /// A fix that replaces one byte range of `file`; `expecting` is the text the rule read there
    /// and `node` the range of the node (named `nodeName`) the edit belongs to, which `Fixer`
    /// checks before it writes.
    public func replace(
        _ range: Range<Int>, in file: String, with replacement: String, summary: String, expecting: String? = nil,
        inside node: Range<Int>? = nil, nodeName: String = "entry"
    ) -> Fix {
        Fix(
            summary: summary,
            edits: [
                TextEdit(
                    file: file, range: range, replacement: replacement, expected: expecting, node: node,
                    nodeName: node == nil ? nil : nodeName)
            ])
    }

    /// A fix that replaces `range` of `file` when the file spells there exactly what the rule read
    /// in the tree (`expecting`), and nil when it spells it otherwise (an entity or an escape in
    /// a URL), where the bytes to replace are not the ones the rule measured.
    public func replaceIfWritten(
        _ range: Range<Int>, in file: String, with replacement: String, summary: String, expecting: String,
        inside node: Range<Int>, nodeName: String
    ) -> Fix? {
        guard let bytes = workspace.document(named: file)?.source.bytes, range.upperBound <= bytes.count,
            bytes[range].elementsEqual(expecting.utf8)
        else { return nil }
        return replace(
            range, in: file, with: replacement, summary: summary, expecting: expecting, inside: node,
            nodeName: nodeName)
    }

    /// The text of a byte range of a file.
    public func text(_ range: Range<Int>, in file: String) -> String {
        workspace.document(named: file)?.source.text(range) ?? ""
    }
}
