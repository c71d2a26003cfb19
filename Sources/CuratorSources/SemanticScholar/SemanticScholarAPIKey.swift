import CuratorHTTP
import Foundation

/// A Semantic Scholar API key that prints as a placeholder, like `GitHubToken`.
public struct SemanticScholarAPIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    let value: String

    public init?(_ value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.value = trimmed
        Redaction.register(trimmed)
    }

    public var description: String { "SemanticScholarAPIKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
