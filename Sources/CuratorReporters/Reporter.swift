public import CuratorCore

/// Turns one lint run into the text of one output format.
///
/// A reporter is a pure function of the report and its options: it reads no environment, writes
/// nothing, and returns the same text for the same input, so every format can be tested by
/// comparing strings.
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
}
