import CuratorSync
import Foundation

/// Removes credentials from text that a person or a pull request will read.
///
/// The tokens never print themselves (`GitHubToken`, `SemanticScholarAPIKey`), but a server can
/// echo one back: a 401 body quoting `Authorization: Bearer ghp_…`, an error message with the key
/// in it. Every message, report and error that may carry server text passes through `redact`,
/// which replaces the values registered as secrets and anything shaped like a GitHub token or a
/// bearer credential.
public enum Redaction {
    public static let placeholder = "[redacted]"

    private static let secrets = Mutex<Set<String>>([])

    /// Adds a value that must never appear in output; the clients register their credentials.
    public static func register(_ secret: String) {
        guard secret.count >= 4 else { return }
        _ = secrets.withLock { $0.insert(secret) }
    }

    /// `text` with every registered secret and every token-shaped word replaced.
    public static func redact(_ text: String) -> String {
        var result = text
        let known = secrets.withLock { $0 }
        // Longer secrets first, so that one containing another is replaced whole.
        for secret in known.sorted(by: { $0.count > $1.count }) where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: placeholder)
        }
        result = result.replacing(bearer) { "\($0.output.1)\(placeholder)" }
        result = result.replacing(gitHubToken, with: placeholder)
        return result
    }

    /// The credential after `Bearer` in an Authorization value; the word is kept so that the
    /// message still says what was there. (Regex values are not `Sendable`, so each
    /// use builds its own.)
    private static var bearer: Regex<(Substring, Substring)> {
        /(?i)(bearer\s+)[A-Za-z0-9._~+\/=-]{8,}/
    }

    /// GitHub's token formats: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and `github_pat_`.
    private static var gitHubToken: Regex<Substring> {
        /(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}/
    }
}
