public import CuratorCore
import Foundation

/// A SARIF 2.1.0 log with one run, in the form GitHub code scanning accepts from
/// `github/codeql-action/upload-sarif`.
public struct SARIFReporter: Reporter {
    /// The `partialFingerprints` key. Versioned so that a future change to what the hash covers can
    /// use a new key instead of silently reopening every alert.
    public static let fingerprintKey = "curatorFinding/v1"

    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: LintReport) -> String {
        let rules = descriptors(report)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let fingerprints = FindingFingerprint.all(report.findings)
        let results = zip(report.findings, fingerprints).map { finding, fingerprint in
            SARIFLog.Result(
                ruleId: finding.ruleID,
                ruleIndex: ruleIndex[finding.ruleID] ?? 0,
                level: Self.level(finding.severity),
                message: .init(text: finding.message),
                locations: [
                    .init(
                        physicalLocation: .init(
                            artifactLocation: .init(uri: Self.uri(finding.location.file)),
                            region: .init(startLine: finding.location.line, startColumn: finding.location.column)
                        )
                    )
                ],
                partialFingerprints: [Self.fingerprintKey: fingerprint],
                fixes: finding.fix.map { [Self.fix($0)] }
            )
        }
        let driver = SARIFLog.Driver(
            name: "curator",
            informationUri: options.toolInformationURI,
            version: options.toolVersion,
            rules: rules
        )
        return JSONText.encode(SARIFLog(runs: [.init(tool: .init(driver: driver), results: results)]))
    }

    /// Every rule the report describes, plus any rule a finding names without a description, sorted
    /// by id so that `ruleIndex` values are stable between runs.
    private func descriptors(_ report: LintReport) -> [SARIFLog.ReportingDescriptor] {
        var summaries = report.rules
        for finding in report.findings where summaries[finding.ruleID] == nil {
            // A finding from an undescribed rule still needs a descriptor, or its ruleIndex would
            // point at the wrong rule; the text says plainly that nothing more is known.
            summaries[finding.ruleID] = RuleSummary(
                id: finding.ruleID,
                summary: finding.ruleID,
                rationale: "No description is available for this rule.",
                defaultSeverity: finding.severity
            )
        }
        return summaries.keys.sorted().compactMap { id in
            guard let rule = summaries[id] else { return nil }
            return SARIFLog.ReportingDescriptor(
                id: id,
                shortDescription: .init(text: rule.summary),
                fullDescription: .init(text: rule.rationale.isEmpty ? rule.summary : rule.rationale),
                defaultConfiguration: .init(level: Self.level(rule.defaultSeverity)),
                helpUri: options.ruleHelpBaseURI.map { $0 + id }
            )
        }
    }

    /// SARIF has no "info" level; "note" is its name for the same thing.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// Paths are relative already, but a URI reference must percent-encode spaces and other
    /// characters outside the path set, and a leading `./` would make GitHub miss the file.
    static func uri(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") {
            path.removeFirst(2)
        }
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// Edits are byte ranges of the raw file, which SARIF expresses as `byteOffset` and `byteLength`.
    private static func fix(_ fix: CuratorCore.Fix) -> SARIFLog.Fix {
        var files: [String] = []
        var editsByFile: [String: [TextEdit]] = [:]
        for edit in fix.edits {
            if editsByFile[edit.file] == nil {
                files.append(edit.file)
            }
            editsByFile[edit.file, default: []].append(edit)
        }
        let changes = files.map { file in
            SARIFLog.ArtifactChange(
                artifactLocation: .init(uri: uri(file)),
                replacements: (editsByFile[file] ?? []).map { edit in
                    SARIFLog.Replacement(
                        deletedRegion: .init(byteOffset: edit.range.lowerBound, byteLength: edit.range.count),
                        insertedContent: .init(text: edit.replacement)
                    )
                }
            )
        }
        return SARIFLog.Fix(description: .init(text: fix.summary), artifactChanges: changes)
    }
}
