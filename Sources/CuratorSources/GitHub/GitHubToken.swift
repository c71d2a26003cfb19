import CuratorHTTP
import Foundation

/// A GitHub token that cannot leak through printing.
///
/// Its description, debug description and mirror are all a fixed placeholder, so interpolating it,
/// `dump`-ing a configuration that holds it, or printing an error never shows the secret. The value
/// is reachable only through `authorizationValue`, which the clients put in the request header.
public struct GitHubToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.secret = trimmed
        // A server that echoes the token back must not get it printed either.
        Redaction.register(trimmed)
    }

    var authorizationValue: String { "Bearer \(secret)" }

    public var description: String { "GitHubToken(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
