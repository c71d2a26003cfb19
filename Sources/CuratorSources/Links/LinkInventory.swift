import CuratorCore
import Foundation

/// The collect stage: every distinct web URL of the catalog with what it stands for, and the URLs
/// that the config or an inline comment keeps off the network.
///
/// A URL is checked once per run however many entries carry it. The inline comment is the
/// linter's own `<!-- curator-disable-line dead-link -->` (or one that silences every rule): a
/// link the maintainer has silenced is not fetched at all, so a host that hates crawlers is not
/// bothered by a check whose answer nobody would see.
public struct LinkInventory: Sendable {
    /// URL as written → what it stands for.
    public private(set) var targets: [String: LinkTarget] = [:]
    /// URL as written → the exclude pattern that matched, or `inline` for a disable comment.
    public private(set) var excluded: [String: String] = [:]
    /// How many places the URLs were found in, duplicates included.
    public private(set) var occurrences = 0

    /// The rule whose inline disable comment keeps a link off the network.
    public static let silencingRuleID = "dead-link"
    public static let inlinePattern = "inline disable comment"

    public init() {}

    /// - Parameter changedLines: from `--changed-since`; when set, only entries with a changed line
    ///   contribute links.
    public init(workspace: Workspace, changedLines: [String: Set<Int>]? = nil) {
        let suppressions = workspace.suppressions
        var sources: [String: SourceText] = [:]
        for (document, _) in workspace.documents {
            sources[document.path] = document.source
        }
        let excludes = workspace.ruleset.excludes
        for entry in workspace.catalog.entries {
            if let changedLines {
                guard let changed = changedLines[entry.file],
                    (entry.line...entry.lastLine).contains(where: changed.contains)
                else { continue }
            }
            for occurrence in entry.checkableLinks {
                let line = sources[entry.file]?.line(ofByte: occurrence.offset) ?? entry.line
                let silenced = suppressions[entry.file]?.silences(Self.silencingRuleID, line: line) == true
                let pattern = excludes.first { $0.matches(occurrence.url) }?.source
                add(occurrence, excludedBy: silenced ? Self.inlinePattern : pattern)
            }
        }
    }

    /// Adds one occurrence; a URL excluded anywhere is excluded everywhere, since it is fetched once.
    public mutating func add(_ occurrence: LinkOccurrence, excludedBy pattern: String? = nil) {
        occurrences += 1
        if let pattern {
            excluded[occurrence.url] = excluded[occurrence.url] ?? pattern
            targets[occurrence.url] = nil
            return
        }
        guard excluded[occurrence.url] == nil, targets[occurrence.url] == nil else { return }
        targets[occurrence.url] = LinkTarget(url: occurrence.url, kind: occurrence.kind)
    }

    /// Distinct URLs to check, excluded ones not counted.
    public var count: Int { targets.count }
}
