/// Runs rules over a workspace and keeps the findings the user asked for.
public struct Linter: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
    }

    /// - Parameter changedLines: when set (from `--changed-since`), only findings on entries with a
    ///   changed line, or on a changed line themselves, are kept. Rules still see the whole list, so
    ///   a new row is compared with every old one.
    /// - Parameter timing: called with each rule's id and how long it took, for `--timings`.
    public func lint(
        _ context: LintContext, changedLines: [String: Set<Int>]? = nil,
        timing: ((String, Duration) -> Void)? = nil
    ) -> LintReport {
        let ruleset = context.ruleset.ruleset
        let suppressions = context.workspace.suppressions
        let active = rules.filter { ruleset.rules?[type(of: $0).description.id] != "off" }
        // Rules are independent pure functions of the context: run them on all cores, then merge
        // their findings in the rules' order.
        let order = Linter.startOrder(active.count)
        let started = concurrentMap(active.count) { position -> ([Finding], Duration) in
            let clock = ContinuousClock()
            let start = clock.now
            let found = active[order[position]].check(context)
            return (found, clock.now - start)
        }
        var results = started
        for (position, rule) in order.enumerated() { results[rule] = started[position] }
        var findings: [Finding] = []
        var summaries: [String: RuleSummary] = [:]
        for (rule, (found, duration)) in zip(active, results) {
            let description = type(of: rule).description
            summaries[description.id] = description.ruleSummary
            timing?(description.id, duration)
            let severity = ruleset.rules?[description.id].flatMap(Severity.init(rawValue:))
            for var finding in found {
                if let severity { finding.severity = severity }
                if suppressions[finding.location.file]?.silences(finding.ruleID, line: finding.location.line) == true {
                    continue
                }
                findings.append(finding)
            }
        }
        if let changedLines {
            let entryLines = Linter.entryLineSpans(context.catalog)
            func touched(_ location: SourceLocation) -> Bool {
                guard let changed = changedLines[location.file] else { return false }
                if changed.contains(location.line) { return true }
                guard let span = entryLines[location.file]?.first(where: { $0.contains(location.line) }) else {
                    return false
                }
                return span.contains { changed.contains($0) }
            }
            findings = findings.filter { finding in
                touched(finding.location) || finding.related.contains(where: touched)
            }
        }
        return LintReport(
            files: context.workspace.documents.count, entries: context.catalog.entries.count,
            findings: Linter.sorted(findings), rules: summaries)
    }

    /// The order in which `count` rules (in registry order) are handed to the cores: the
    /// registry's second half, last first, interleaved with its first half, last first.
    ///
    /// Why: the registry lists the catalog-wide rules (duplicates, mirrors) last, and they cost
    /// the most, so they start first and the short per-entry rules at the front of the registry
    /// fill the cores at the end, instead of one long rule running alone. Interleaved, because
    /// the catalog-wide rules share one costly analysis of the catalog (`DuplicateScopes`): two
    /// of them started together had one core wait while the other computed it; started beside a
    /// per-entry rule, the analysis is ready when the second one asks.
    static func startOrder(_ count: Int) -> [Int] {
        let late = Array((count / 2..<count).reversed())
        let early = Array((0..<count / 2).reversed())
        var order: [Int] = []
        order.reserveCapacity(count)
        for index in 0..<late.count {
            order.append(late[index])
            if index < early.count { order.append(early[index]) }
        }
        return order
    }

    /// Findings by place (file, line, column), then rule and message; equal ones keep their order.
    ///
    /// The same order as comparing `(location, ruleID, message)` tuples, computed faster: a large
    /// run has tens of thousands of findings, and comparing file paths as strings at every step of
    /// the sort, while moving whole findings around, was a visible share of the run on one core.
    /// Files are ranked once, the indexes are sorted on integer keys first, and the findings are
    /// moved once at the end.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let files = Set(findings.map(\.location.file)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        let keys = findings.map { (rank[$0.location.file]!, $0.location.line, $0.location.column) }
        let order = findings.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            let left = findings[a]
            let right = findings[b]
            if (left.ruleID, left.message) != (right.ruleID, right.message) {
                return (left.ruleID, left.message) < (right.ruleID, right.message)
            }
            return a < b
        }
        return order.map { findings[$0] }
    }

    private static func entryLineSpans(_ catalog: Catalog) -> [String: [ClosedRange<Int>]] {
        var spans: [String: [ClosedRange<Int>]] = [:]
        for entry in catalog.entries { spans[entry.file, default: []].append(entry.line...entry.lastLine) }
        return spans
    }
}
