public import CuratorCore

/// How many findings a report has at each severity, and the one-line sentence that says so.
public struct ReportCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(_ report: LintReport) {
        for finding in report.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// For example `3 errors, 2 warnings in 17 files (1,095 entries)`. Infos are named only when
    /// there are some, because most rules never emit them and a constant "0 infos" is noise.
    public func sentence(files: Int, entries: Int) -> String {
        var parts = [Self.count(errors, "error"), Self.count(warnings, "warning")]
        if infos > 0 {
            parts.append(Self.count(infos, "info"))
        }
        return parts.joined(separator: ", ")
            + " in \(Self.count(files, "file")) (\(Self.count(entries, "entry", plural: "entries")))"
    }

    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(groupedDigits(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// Groups digits in threes with commas. Written out by hand because Foundation's number
    /// formatting follows the process locale, and the output must not change from machine to machine.
    static func groupedDigits(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped.append(",")
            }
            grouped.append(digit)
        }
        return n < 0 ? "-" + grouped : grouped
    }
}
