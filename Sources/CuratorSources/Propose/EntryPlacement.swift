import CuratorCore

/// Where a new entry goes in a file: at the top or the bottom of the entries of one section.
///
/// The section's existing entries say where it is, so the placement follows the list's own
/// layout instead of guessing at tables and headings: the top is before the first entry (after
/// any pinned ones, such as the README's recommended rows), the bottom after the last.
public enum EntryPlacement {
    public enum Position: String, Sendable { case top, bottom }

    /// The byte offset to insert a line at, or nil when the section has no entry of the format.
    /// - Parameter section: the heading; nil takes the file's first section with such entries.
    public static func offset(
        in workspace: Workspace, file: String, formatID: String, section: String?, position: Position,
        pinned: ((Entry) -> Bool)? = nil
    ) -> Int? {
        let inFile = workspace.catalog.entries.filter { $0.file == file && $0.formatID == formatID }
        guard let chosen = section ?? inFile.first?.section else { return nil }
        let entries = inFile.filter { $0.section == chosen }.sorted { $0.line < $1.line }
        guard let document = workspace.document(named: file), let last = entries.last else { return nil }
        let lines = document.source.lineStarts
        if position == .top, let target = entries.first(where: { !(pinned?($0) ?? false) }) {
            return lines[target.line - 1]
        }
        // The bottom, and the top of a section whose entries are all pinned: after the last entry.
        return last.lastLine < lines.count ? lines[last.lastLine] : document.source.bytes.count
    }
}
