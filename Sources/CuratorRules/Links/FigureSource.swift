import CuratorCore
import Foundation

/// Reads an entry's figure source the way GitHub resolves it: relative to the file that shows it,
/// with percent escapes decoded, and without query or fragment.
enum FigureSource {
    static func isPlaceholder(_ source: String, in ruleset: CompiledRuleset) -> Bool {
        CompiledRuleset.matches(ruleset.figurePlaceholder, source)
    }

    /// The path of the figure within the list's repository, when the source is one of the list's
    /// own files (it starts with `figures.local-prefix`, possibly after `./`).
    static func localPath(of source: String, directory: String, context: LintContext) -> String? {
        guard let prefix = context.ruleset.ruleset.figures?.localPrefix else { return nil }
        var path = Substring(source.trimmedOfWhitespace())
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        guard path.hasPrefix(prefix) else { return nil }
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        // Without a `%` there is nothing to decode, and Foundation's URL parser is not asked.
        let decoded =
            path.utf8.contains(UInt8(ascii: "%")) ? String(path).removingPercentEncoding ?? String(path) : String(path)
        return directory.isEmpty ? decoded : directory + "/" + decoded
    }

    /// The folder of the entry's file relative to the list's root (empty at the root).
    static func listRelativeDirectory(of entry: Entry, in context: LintContext) -> String {
        let relative = context.workspace.documents.first { $0.document.path == entry.file }?.relativePath ?? entry.file
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }
}
