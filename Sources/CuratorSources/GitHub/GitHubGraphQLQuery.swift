import CuratorCore

/// Builds the one query shape the GraphQL client sends: up to 100 aliased `repository` fields plus
/// the `rateLimit` object, so one request (costing one point) answers a whole batch.
enum GitHubGraphQLQuery {
    static let fields = "stargazerCount isArchived isDisabled nameWithOwner url pushedAt description"

    static func alias(_ index: Int) -> String { "r\(index)" }

    /// Owner and name are placed inside string literals; `RepositoryName` admits only letters,
    /// digits, `-`, `_` and `.`, so no escaping is needed.
    static func text(for names: [RepositoryName]) -> String {
        var lines = ["query {"]
        for (index, name) in names.enumerated() {
            lines.append(
                "  \(alias(index)): repository(owner: \"\(name.owner)\", name: \"\(name.name)\") { \(fields) }")
        }
        lines.append("  rateLimit { cost remaining resetAt limit used }")
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
