import Foundation

/// Applies fixes to file bytes. Edits are byte ranges; overlapping edits are left for a later pass,
/// so a run of `--fix` repeats until nothing fixable is left.
public enum Fixer {
    /// The new bytes of each file touched by `findings`' fixes, keyed by display path.
    public static func apply(_ findings: [Finding], to workspace: Workspace) -> [String: [UInt8]] {
        var editsByFile: [String: [TextEdit]] = [:]
        for finding in findings {
            guard let fix = finding.fix else { continue }
            for edit in fix.edits { editsByFile[edit.file, default: []].append(edit) }
        }
        var result: [String: [UInt8]] = [:]
        for (file, edits) in editsByFile {
            guard let document = workspace.document(named: file) else { continue }
            result[file] = apply(edits, to: document.source.bytes)
        }
        return result
    }

    /// Applies non-overlapping edits from last to first; an edit overlapping one already taken waits.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var taken: [TextEdit] = []
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard edit.range.upperBound <= bytes.count else { continue }
            // Two findings may ask for the very same edit (one defect seen by two rules).
            if taken.contains(where: { $0.range == edit.range && $0.replacement == edit.replacement }) { continue }
            if taken.contains(where: { conflict($0.range, edit.range) }) { continue }
            output.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            taken.append(edit)
        }
        return output
    }

    /// Whether two edits touch the same bytes. An insertion (an empty range) conflicts with an
    /// edit that covers or borders its point, since the order of the two would decide the text;
    /// replacements that merely border each other do not conflict.
    static func conflict(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        if first.isEmpty || second.isEmpty {
            return first.lowerBound <= second.upperBound && second.lowerBound <= first.upperBound
        }
        return first.overlaps(second)
    }
}
