import Foundation

/// Applies fixes to file bytes. Edits are byte ranges; overlapping edits are left for a later pass,
/// so a run of `--fix` repeats until nothing fixable is left.
///
/// A fix is refused, and nothing is written, when it is not what its rule saw: an edit outside
/// the node it belongs to or over bytes other than the ones the rule read, or a fixed file whose
/// entries, parsed again, differ outside the edited spans or have become unreadable. Each of
/// these is a defect of curator, and the error names the place.
public enum Fixer {
    /// The new bytes of each file touched by `findings`' fixes, keyed by display path.
    public static func apply(_ findings: [Finding], to workspace: Workspace) throws(InputError) -> [String: [UInt8]] {
        var editsByFile: [String: [(edit: TextEdit, finding: Finding)]] = [:]
        for finding in findings {
            guard let fix = finding.fix else { continue }
            for edit in fix.edits { editsByFile[edit.file, default: []].append((edit, finding)) }
        }
        var result: [String: [UInt8]] = [:]
        for (file, edits) in editsByFile.sorted(by: { $0.key < $1.key }) {
            guard let position = workspace.documents.firstIndex(where: { $0.document.path == file }) else { continue }
            let (document, relativePath) = workspace.documents[position]
            for (edit, finding) in edits { try check(edit, of: finding, in: document.source) }
            let taken = select(edits.map(\.edit), byteCount: document.source.bytes.count)
            let fixed = apply(taken, to: document.source.bytes)
            try verify(
                fixed, of: document, relativePath: relativePath, edits: taken, ruleset: workspace.ruleset,
                entries: workspace.catalog.entries(inFile: file))
            result[file] = fixed
        }
        return result
    }

    /// Applies non-overlapping edits from last to first; an edit overlapping one already taken waits.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        for edit in select(edits, byteCount: bytes.count) {
            output.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return output
    }

    /// The edits that one pass applies, last first: each within the file, none overlapping one
    /// before it, and the very same edit asked twice (one defect seen by two rules) once.
    static func select(_ edits: [TextEdit], byteCount: Int) -> [TextEdit] {
        var taken: [TextEdit] = []
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard edit.range.upperBound <= byteCount else { continue }
            if taken.contains(where: { $0.range == edit.range && $0.replacement == edit.replacement }) { continue }
            if taken.contains(where: { conflict($0.range, edit.range) }) { continue }
            taken.append(edit)
        }
        return taken
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

    /// Refuses an edit outside its file or its node, or over bytes other than the rule read.
    static func check(_ edit: TextEdit, of finding: Finding, in source: SourceText) throws(InputError) {
        let bytes = source.bytes
        var problem: String?
        if edit.range.upperBound > bytes.count {
            problem = "it ends past the end of the file"
        } else if let node = edit.node,
            !(edit.range.lowerBound >= node.lowerBound && edit.range.upperBound <= node.upperBound)
        {
            problem = "it reaches outside the \(edit.nodeName ?? "node") it belongs to"
        } else if let expected = edit.expected, !bytes[edit.range].elementsEqual(expected.utf8) {
            problem = "the file has '\(source.text(edit.range))' there, not the '\(expected)' the rule read"
        }
        guard let problem else { return }
        let place = source.location(ofByte: min(edit.range.lowerBound, bytes.count))
        throw InputError(
            path: source.path, line: place.line, column: place.column,
            message:
                "refusing the fix of \(finding.ruleID) (\(finding.fix?.summary ?? "")): \(problem); the file is left as it was"
        )
    }

    /// Parses the fixed bytes again and refuses them when an entry that no edit touched reads
    /// differently (or is gone), or when an entry has become unreadable.
    static func verify(
        _ fixed: [UInt8], of document: Document, relativePath: String, edits: [TextEdit], ruleset: CompiledRuleset,
        entries: [Entry]
    ) throws(InputError) {
        let source = document.source
        func refuse(_ offset: Int, _ problem: String, in text: SourceText? = nil) -> InputError {
            let place = (text ?? source).location(ofByte: offset)
            return InputError(
                path: source.path, line: place.line, column: place.column,
                message: "refusing the fixes of this file: \(problem); the file is left as it was")
        }
        let reparsed: Document
        do {
            reparsed = try Document(path: document.path, bytes: fixed)
        } catch {
            throw refuse(0, "the fixed file cannot be read (\(error.message))")
        }
        let after = EntryExtractor(ruleset: ruleset, document: reparsed, relativePath: relativePath).fields(
            firstIndex: 0)
        // The edits are apart and in file order, so both ends of each are in order too.
        let ordered = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var added = [0]
        for edit in ordered { added.append(added[added.count - 1] + edit.replacement.utf8.count - edit.range.count) }
        /// The number of edits that end at or before `offset`.
        func editsBefore(_ offset: Int) -> Int {
            var low = 0
            var high = ordered.count
            while low < high {
                let mid = (low + high) / 2
                if ordered[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
        /// Where `offset` is after the edits before it.
        func moved(_ offset: Int) -> Int { offset + added[editsBefore(offset)] }
        func touches(_ range: Range<Int>) -> Bool {
            // Only the first edit not wholly before the range can reach into it.
            let next = editsBefore(range.lowerBound)
            guard next < ordered.count else { return false }
            let edit = ordered[next].range
            return conflict(edit, range) || range.contains(edit.lowerBound)
                || (edit.isEmpty && edit.lowerBound == range.lowerBound)
        }
        var afterByStart: [Int: Int] = [:]
        for (position, entry) in after.enumerated() { afterByStart[entry.range.lowerBound] = position }
        var matched = Set<Int>()
        for entry in entries where !touches(entry.range) {
            let shift = moved(entry.range.lowerBound) - entry.range.lowerBound
            guard let position = afterByStart[entry.range.lowerBound + shift],
                EntryReading(entry.fields, in: source) == EntryReading(after[position], in: reparsed.source)
            else {
                throw refuse(
                    entry.range.lowerBound, "the entry on line \(entry.line) would change, though no fix is in it")
            }
            matched.insert(position)
        }
        // The entries that were unreadable before the fixes, where they are after them, in order.
        let unreadable = entries.filter { $0.unreadableReason != nil }.map {
            moved($0.range.lowerBound)...moved($0.range.upperBound)
        }
        for (position, entry) in after.enumerated() where !matched.contains(position) {
            guard let reason = entry.unreadableReason else { continue }
            let start = entry.range.lowerBound
            var low = 0
            var high = unreadable.count
            while low < high {
                let mid = (low + high) / 2
                if unreadable[mid].upperBound < start { low = mid + 1 } else { high = mid }
            }
            if low < unreadable.count, unreadable[low].contains(start) { continue }
            throw refuse(
                start, "the entry there would no longer be read after the fix (\(reason))", in: reparsed.source)
        }
    }

    /// What an entry reads as, with offsets relative to its start: two entries read the same
    /// when their bytes and every field the rules look at are the same.
    struct EntryReading: Equatable {
        var text: [UInt8]
        var fields: [String]

        init(_ entry: Entry.Fields, in source: SourceText) {
            let start = entry.range.lowerBound
            func at(_ range: Range<Int>?) -> String {
                range.map { "\($0.lowerBound - start)..<\($0.upperBound - start)" } ?? "-"
            }
            text = Array(source.bytes[entry.range.clamped(to: 0..<source.bytes.count)])
            fields = [
                "\(entry.kind) \(entry.formatID) \(entry.section ?? "-") \(entry.unreadableReason ?? "-")",
                "title \(entry.title?.text ?? "-") \(at(entry.title?.range))",
                "name \(entry.name?.text ?? "-") authors \(entry.authors?.text ?? "-") \(at(entry.authors?.range))",
                "image \(entry.image?.text ?? "-") date \(entry.dateComment?.text ?? "-") cells \(entry.rawCells.count)",
            ]
            fields += entry.badges.map { "badge \($0.kind) \($0.alt) \($0.imageURL) \($0.linkURL) \(at($0.range))" }
            fields += ([entry.titleLink].compactMap { $0 } + entry.links).map {
                "link \($0.label) \($0.url) \($0.role ?? "-") \(at($0.range))"
            }
        }
    }
}
