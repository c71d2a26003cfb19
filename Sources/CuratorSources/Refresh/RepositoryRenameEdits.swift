import CuratorCore

/// The edits that follow a renamed or transferred repository: the code links and both URLs of
/// the star badge are rewritten to GitHub's current `owner/name`, keeping everything after it
/// (`/tree/main/folder`) and the URL's own scheme and host.
public enum RepositoryRenameEdits {
    public struct Rename: Sendable, Hashable {
        public var from: RepositoryName
        public var to: RepositoryName
    }

    /// Renames known in `facts`: found repositories whose canonical name differs from the request.
    public static func renames(in facts: Facts) -> [String: Rename] {
        var renames: [String: Rename] = [:]
        for (key, repository) in facts.repositories where repository.state == .found && repository.isRenamed {
            if let canonical = repository.canonical { renames[key] = Rename(from: repository.requested, to: canonical) }
        }
        return renames
    }

    public static func edits(for workspace: Workspace, renames: [String: Rename]) -> [TextEdit] {
        guard !renames.isEmpty else { return [] }
        var edits: [TextEdit] = []
        for entry in workspace.catalog.entries {
            guard let document = workspace.document(named: entry.file) else { continue }
            var ranges: [Range<Int>] = entry.links.compactMap(\.urlRange)
            for badge in entry.badges where badge.kind == .star {
                ranges += [badge.imageURLRange, badge.linkURLRange].compactMap { $0 }
            }
            if let titleRange = entry.titleLink?.urlRange { ranges.append(titleRange) }
            for range in Set(ranges) {
                let url = document.source.text(range)
                if let rewritten = rewrite(url, renames: renames), rewritten != url {
                    edits.append(TextEdit(file: entry.file, range: range, replacement: rewritten))
                }
            }
        }
        return edits
    }

    /// The URL with its repository renamed, or nil when it names no renamed repository.
    static func rewrite(_ url: String, renames: [String: Rename]) -> String? {
        guard let named = RepositoryName(url: url) ?? RepositoryName(starBadgeURL: url),
            let rename = renames[named.key]
        else { return nil }
        return RepositoryName.rewrite(url, to: rename.to)
    }
}
