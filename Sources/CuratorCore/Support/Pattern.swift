import Foundation

/// A regular expression from a ruleset (ICU syntax, as `NSRegularExpression` reads it), asked only
/// whether it matches somewhere in a string.
public final class Pattern: Sendable {
    public let source: String
    /// Immutable once made, and safe to match with from several threads at once.
    private let regex: NSRegularExpression

    /// Fails with ICU's reason when the pattern is not a valid regular expression.
    public init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source)
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
