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
        for marker in ["github.com/", "/github/stars/"] {
            guard let start = url.range(of: marker, options: .caseInsensitive) else { continue }
            let path = url[start.upperBound...]
            let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            var name = String(parts[1])
            var suffix = ""
            // A badge names `REPO.svg?style=...`; a link may carry a query or a fragment.
            if let cut = name.range(of: ".svg")?.lowerBound ?? name.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                suffix = String(name[cut...])
                name = String(name[..<cut])
            }
            let key = "\(parts[0])/\(name)".lowercased()
            guard let rename = renames[key] else { continue }
            let rest = parts.count == 3 ? "/" + parts[2] : ""
            return String(url[..<start.upperBound]) + "\(rename.to.owner)/\(rename.to.name)" + suffix + rest
        }
        return nil
    }
}
