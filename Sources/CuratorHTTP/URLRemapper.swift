import Foundation

/// Rewrites URLs before they are fetched, as `--remap 'REGEX REPLACEMENT'` asks: to point a run
/// at a mirror or at a local test double. The engine never applies it; callers do, so the engine
/// stays a plain HTTP client.
public struct URLRemapper: Sendable {
    public struct Rule: Sendable {
        public let pattern: NSRegularExpression
        /// An NSRegularExpression template: `$1` for the first capture group, `\$` for a dollar.
        public let template: String
    }

    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case missingReplacement(spec: String)
        case invalidPattern(spec: String, pattern: String, reason: String)

        public var description: String {
            switch self {
            case .missingReplacement(let spec):
                "--remap '\(spec)' needs a regular expression, whitespace, then a replacement"
            case .invalidPattern(let spec, let pattern, let reason):
                "--remap '\(spec)': invalid regular expression '\(pattern)': \(reason)"
            }
        }
    }

    public let rules: [Rule]

    /// Parses each spec at its first run of whitespace into a regular expression and a
    /// replacement, keeping their order.
    public init(specs: [String]) throws(ParseError) {
        var rules: [Rule] = []
        for spec in specs {
            let trimmed = spec.trimmingCharacters(in: .whitespaces)
            guard let gap = trimmed.firstIndex(where: \.isWhitespace) else {
                throw .missingReplacement(spec: spec)
            }
            let pattern = String(trimmed[..<gap])
            let template = String(trimmed[gap...].drop(while: \.isWhitespace))
            guard !template.isEmpty else { throw .missingReplacement(spec: spec) }
            do {
                let regex = try NSRegularExpression(pattern: pattern)
                rules.append(Rule(pattern: regex, template: template))
            } catch {
                throw .invalidPattern(spec: spec, pattern: pattern, reason: error.localizedDescription)
            }
        }
        self.rules = rules
    }

    /// The URL rewritten by the first rule whose expression matches it, or the URL unchanged.
    /// Only the matched part is replaced, so an unanchored rule can rewrite part of a URL.
    public func remap(_ url: String) -> String {
        let whole = NSRange(url.startIndex..., in: url)
        for rule in rules {
            guard let match = rule.pattern.firstMatch(in: url, range: whole),
                let range = Range(match.range, in: url)
            else { continue }
            let replacement = rule.pattern.replacementString(for: match, in: url, offset: 0, template: rule.template)
            return url.replacingCharacters(in: range, with: replacement)
        }
        return url
    }
}
