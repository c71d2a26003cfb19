import CuratorCore
import Foundation

/// Finds text that a writer meant as a link but that cmark-gfm did not turn into one.
///
/// The raw bytes are searched for the link-like shapes `](` and `] (`; every such place that is not
/// the middle of a link or image node of the parsed tree is a link GitHub shows as plain text. Both
/// `unrendered-link` and `malformed-url` read this one scan, each keeping the failures of its kind,
/// so that one broken link is reported once.
struct LinkSyntaxScanner {
    /// Why a link-like piece of text is not a link.
    enum Failure: Equatable {
        /// `[Paper] (url)`: space between the label's `]` and the `(`.
        case spaceBeforeDestination
        /// `[Title](url` with no `)` on the line.
        case unclosed
        /// `Paper](url)` with no `[` to open the label.
        case noOpeningBracket
        /// The destination holds a space or a line break, which ends a bare destination.
        case spaceInDestination
        /// Any other shape cmark refused.
        case rejected
    }

    struct Candidate {
        /// The `[` that opens the label, or the `]` when there is none.
        var start: Int
        /// The `]` that closes the label.
        var labelEnd: Int
        /// The destination's bytes as written (up to the `)` or the line's end).
        var destination: Range<Int>
        var failure: Failure
    }

    let document: Document

    /// What the parsed tree says about the document, gathered in one walk.
    private struct TreeFacts {
        /// The `]` of every link and image node, by the node's reported position, marked byte by
        /// byte like `covered`: a set of offsets cost a hash per `]` of the file.
        var rendered: [Bool]
        /// The destinations of link and image nodes on each line (indexed by line number), to
        /// match by content where positions drift.
        var destinations: [[String]]
        /// The destinations' bytes of rendered links, whose `](` belong to a URL. Marked byte by
        /// byte (one flag per byte of the document) so that asking about a `]` costs the same
        /// however many links the file holds; a list of ranges made the scan quadratic.
        var covered: [Bool]
        /// Code and HTML, whose brackets are not markdown, marked byte by byte like `covered`.
        var skipped: [Bool]

        init(byteCount: Int, lineCount: Int) {
            rendered = [Bool](repeating: false, count: byteCount)
            covered = [Bool](repeating: false, count: byteCount)
            skipped = [Bool](repeating: false, count: byteCount)
            destinations = [[String]](repeating: [], count: lineCount + 1)
            rowEnds = [Int](repeating: -1, count: lineCount + 1)
        }

        static func mark(_ range: Range<Int>, in flags: inout [Bool]) {
            let clamped = range.clamped(to: 0..<flags.count)
            for index in clamped { flags[index] = true }
        }
        /// Table rows by line, with the end of their last cell (-1 where no row starts): bytes past
        /// it are cells GitHub drops.
        var rowEnds: [Int]
    }

    /// Every place in the document that looks like a link but is not one, in file order.
    ///
    /// cmark-gfm misplaces the columns of inline nodes on lazy continuation lines of list items and
    /// after an escaped pipe in a table cell, so a place counts as a rendered link when a link or
    /// image node on the same line has the destination written there, whatever its column.
    /// The candidates of `document`, scanned once per lint run however many rules ask.
    static func candidates(of document: Document, in context: LintContext) -> [Candidate] {
        context.shared.value("link-syntax \(document.path)") { LinkSyntaxScanner(document: document).candidates() }
    }

    func candidates() -> [Candidate] {
        let bytes = document.source.bytes
        let lineStarts = document.source.lineStarts
        var facts = TreeFacts(byteCount: bytes.count, lineCount: lineStarts.count)
        collect(document.root, into: &facts)
        var result: [Candidate] = []
        var index = 0
        // The scan only moves forward, so the line is followed instead of searched for.
        var lineNumber = 1
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "]") else {
                index += 1
                continue
            }
            defer { index += 1 }
            if facts.skipped[index] { continue }
            while lineNumber < lineStarts.count, lineStarts[lineNumber] <= index { lineNumber += 1 }
            let line = document.source.lineRange(lineNumber)
            let rowEnd = facts.rowEnds[lineNumber]
            // Cells past the header's count never reach the tree; `cell-count` reports their loss.
            if rowEnd >= 0, index >= rowEnd { continue }
            var open = index + 1
            while open < line.upperBound, bytes[open] == UInt8(ascii: " ") || bytes[open] == UInt8(ascii: "\t") {
                open += 1
            }
            guard open < line.upperBound, bytes[open] == UInt8(ascii: "(") else { continue }
            let spaced = open > index + 1
            let destination = destinationBytes(
                from: open + 1, lineEnd: line.upperBound, stopsAtPipe: rowEnd >= 0)
            if !spaced {
                if facts.rendered[index] || facts.covered[index] {
                    if let position = position(of: destination.range, in: facts.destinations[lineNumber]) {
                        facts.destinations[lineNumber].remove(at: position)
                    }
                    continue
                }
                if destination.closed,
                    let position = position(of: destination.range, in: facts.destinations[lineNumber])
                {
                    facts.destinations[lineNumber].remove(at: position)
                    continue
                }
            } else {
                // `] (` only reads as a broken link when a URL follows, not in ordinary prose.
                let rest = bytes[(open + 1)..<line.upperBound]
                guard rest.starts(with: "http".utf8) || rest.starts(with: "www.".utf8) else { continue }
            }
            let start = openingBracket(before: index, lineStart: line.lowerBound)
            let failure: Failure
            if spaced {
                failure = .spaceBeforeDestination
            } else if destination.closed == false {
                failure = .unclosed
            } else if start == nil {
                failure = .noOpeningBracket
            } else if bytes[destination.range].contains(UInt8(ascii: " ")) {
                failure = .spaceInDestination
            } else {
                failure = .rejected
            }
            result.append(
                Candidate(start: start ?? index, labelEnd: index, destination: destination.range, failure: failure))
        }
        return result
    }

    /// A written destination as cmark reports it: without surrounding spaces or angle brackets.
    private func normalized(_ range: Range<Int>) -> String {
        var text = document.source.text(range).trimmedOfWhitespace()
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    /// The first of `destinations` that the destination written at `range` spells, as comparing
    /// `normalized(range)` with each would find it. Nearly every written destination is ASCII with
    /// ASCII ends, whose trimmed bytes are compared directly; a string only equals bytes that are
    /// not its own when Unicode says two spellings are one, so the rest is decoded and compared
    /// as text.
    private func position(of range: Range<Int>, in destinations: [String]) -> Int? {
        guard !destinations.isEmpty else { return nil }
        let bytes = document.source.bytes
        var lower = range.lowerBound
        var upper = range.upperBound
        let isASCII = !bytes[range].contains { $0 >= 0x80 }
        guard isASCII else {
            let written = normalized(range)
            return destinations.firstIndex(of: written)
        }
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        if upper - lower >= 2, bytes[lower] == UInt8(ascii: "<"), bytes[upper - 1] == UInt8(ascii: ">") {
            lower += 1
            upper -= 1
        }
        let written = bytes[lower..<upper]
        for (position, destination) in destinations.enumerated() {
            // Native strings know their byte count, which rules out nearly every other link.
            if destination.utf8.count == written.count, destination.utf8.elementsEqual(written) { return position }
            // An ASCII text equals only its own bytes; anything else may be another spelling.
            if destination.utf8.contains(where: { $0 >= 0x80 }), destination == normalized(range) { return position }
        }
        return nil
    }

    /// Gathers the facts in one pass over the records, which are stored in document order (a
    /// node before its descendants), so no list of children is built per node. Table cells only
    /// ever sit in a row, so the row a cell belongs to is the last row met.
    private func collect(_ root: MarkdownNode, into facts: inout TreeFacts) {
        var rowLine = 0
        let kinds: [MarkdownNode.Kind] = [
            .link, .image, .code, .codeBlock, .htmlBlock, .htmlInline, .tableRow, .tableHeader, .tableCell,
        ]
        root.forEach(ofKinds: kinds) { node in
            switch node.kind {
            case .link, .image:
                let range = document.range(of: node)
                if let destination = document.source.destinationRange(ofLinkAt: range) {
                    TreeFacts.mark((destination.lowerBound - 2)..<(destination.lowerBound - 1), in: &facts.rendered)
                    TreeFacts.mark(destination, in: &facts.covered)
                }
                if facts.destinations.indices.contains(node.startLine) {
                    facts.destinations[node.startLine].append(node.url ?? "")
                }
            case .code, .codeBlock, .htmlBlock, .htmlInline:
                TreeFacts.mark(document.range(of: node), in: &facts.skipped)
            case .tableRow, .tableHeader:
                rowLine = node.startLine
            case .tableCell:
                // The row's end is that of its last cell with a real position.
                if node.startColumn > 0, facts.rowEnds.indices.contains(rowLine) {
                    facts.rowEnds[rowLine] = document.range(of: node).upperBound
                }
            default:
                break
            }
        }
    }

    /// The destination's bytes after `(`: up to the `)` that balances it, or to the line's end. In a
    /// table row an unescaped `|` ends the cell first, and with it the destination.
    private func destinationBytes(from start: Int, lineEnd: Int, stopsAtPipe: Bool) -> (range: Range<Int>, closed: Bool)
    {
        let bytes = document.source.bytes
        var depth = 0
        var index = start
        while index < lineEnd {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "|") where stopsAtPipe: return (start..<index, false)
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return (start..<index, true) }
                depth -= 1
            default: break
            }
            index += 1
        }
        return (start..<lineEnd, false)
    }

    /// The `[` that a label ending at `close` opens with, balancing nested brackets.
    private func openingBracket(before close: Int, lineStart: Int) -> Int? {
        let bytes = document.source.bytes
        var depth = 0
        var index = close - 1
        while index >= lineStart {
            switch bytes[index] {
            case UInt8(ascii: "]"): depth += 1
            case UInt8(ascii: "["):
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index -= 1
        }
        return nil
    }
}
