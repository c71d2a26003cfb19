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
        /// One flag byte per byte of the document, so that asking about a `]` costs the same
        /// however many links the file holds: a list of ranges made the scan quadratic, and a set
        /// of offsets cost a hash per `]`.
        var flags: [UInt8]
        /// The link and image nodes, chained by the line they start on (the line's first in
        /// `firstOnLine`, each one's next in `nextOnLine`, -1 for none, in document order), to
        /// match by destination where positions drift. Their destinations are only made into
        /// strings on the few lines where that match is asked for.
        var links: [MarkdownNode] = []
        var nextOnLine: [Int] = []
        var firstOnLine: [Int]
        var lastOnLine: [Int]
        /// Table rows by line, with the end of their last cell (-1 where no row starts): bytes past
        /// it are cells GitHub drops.
        var rowEnds: [Int]

        /// The `]` and the destination's bytes of a rendered link or image: a `](` there is that
        /// link's own or belongs to its URL. The scan only ever asks whether either holds.
        static let linked: UInt8 = 1
        /// Code and HTML, whose brackets are not markdown.
        static let skipped: UInt8 = 2

        init(byteCount: Int, lineCount: Int) {
            flags = [UInt8](repeating: 0, count: byteCount)
            firstOnLine = [Int](repeating: -1, count: lineCount + 1)
            lastOnLine = [Int](repeating: -1, count: lineCount + 1)
            rowEnds = [Int](repeating: -1, count: lineCount + 1)
        }

        mutating func mark(_ range: Range<Int>, _ flag: UInt8) {
            let clamped = range.clamped(to: 0..<flags.count)
            for index in clamped { flags[index] |= flag }
        }

        mutating func append(link node: MarkdownNode, line: Int) {
            let number = links.count
            links.append(node)
            nextOnLine.append(-1)
            if lastOnLine[line] >= 0 { nextOnLine[lastOnLine[line]] = number } else { firstOnLine[line] = number }
            lastOnLine[line] = number
        }
    }

    /// The destinations of the link and image nodes on the line being scanned that no `](` has
    /// matched yet. Each `](` of a rendered link takes its destination off the list, so that an
    /// unrendered `](` later on the line does not match it again; but only an unrendered `](`
    /// reads the list, and most lines have none. So the rendered matches are noted by where
    /// their destinations start, and the strings are made and the matches replayed, in the same
    /// order, only when an unrendered `](` asks: the list it sees is the one it would have seen.
    private struct LineDestinations {
        var line = 0
        /// Nil until an unrendered `](` on `line` asks.
        var remaining: [String]?
        /// Where the destinations of the rendered `](` met on `line` start, while `remaining`
        /// is nil.
        var renderedStarts: [Int] = []

        mutating func moveTo(_ number: Int) {
            guard number != line else { return }
            line = number
            remaining = nil
            renderedStarts.removeAll(keepingCapacity: true)
        }
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
        var onLine = LineDestinations()
        var result: [Candidate] = []
        var index = 0
        // The scan only moves forward, so the line is followed instead of searched for.
        var lineNumber = 1
        while true {
            index = Self.firstClosingBracket(in: bytes, from: index)
            guard index < bytes.count else { break }
            defer { index += 1 }
            if facts.flags[index] & TreeFacts.skipped != 0 { continue }
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
            let stopsAtPipe = rowEnd >= 0
            let destination: (range: Range<Int>, closed: Bool)
            if !spaced {
                onLine.moveTo(lineNumber)
                if facts.flags[index] & TreeFacts.linked != 0 {
                    if onLine.remaining == nil {
                        onLine.renderedStarts.append(open + 1)
                    } else {
                        let written = destinationBytes(
                            from: open + 1, lineEnd: line.upperBound, stopsAtPipe: stopsAtPipe)
                        takeDestination(written.range, from: &onLine.remaining!)
                    }
                    continue
                }
                destination = destinationBytes(from: open + 1, lineEnd: line.upperBound, stopsAtPipe: stopsAtPipe)
                if destination.closed,
                    takeDestination(
                        destination.range, on: &onLine, lineEnd: line.upperBound, stopsAtPipe: stopsAtPipe,
                        facts: facts)
                {
                    continue
                }
            } else {
                // `] (` only reads as a broken link when a URL follows, not in ordinary prose.
                let rest = bytes[(open + 1)..<line.upperBound]
                guard rest.starts(with: "http".utf8) || rest.starts(with: "www.".utf8) else { continue }
                destination = destinationBytes(from: open + 1, lineEnd: line.upperBound, stopsAtPipe: stopsAtPipe)
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

    /// Takes the destination written at `range` by an unrendered `](` off the line's list, making
    /// the list first if no unrendered `](` on the line has asked yet; whether it was there.
    private func takeDestination(
        _ range: Range<Int>, on onLine: inout LineDestinations, lineEnd: Int, stopsAtPipe: Bool, facts: TreeFacts
    ) -> Bool {
        if onLine.remaining == nil {
            var node = facts.firstOnLine[onLine.line]
            // A line without link nodes has nothing to match, however many `](` it holds.
            guard node >= 0 else { return false }
            var remaining: [String] = []
            while node >= 0 {
                remaining.append(facts.links[node].url ?? "")
                node = facts.nextOnLine[node]
            }
            for start in onLine.renderedStarts {
                let written = destinationBytes(from: start, lineEnd: lineEnd, stopsAtPipe: stopsAtPipe)
                takeDestination(written.range, from: &remaining)
            }
            onLine.remaining = remaining
        }
        return takeDestination(range, from: &onLine.remaining!)
    }

    /// Takes the destination written at `range` off `destinations`; whether it was there.
    @discardableResult
    private func takeDestination(_ range: Range<Int>, from destinations: inout [String]) -> Bool {
        guard let position = position(of: range, in: destinations) else { return false }
        destinations.remove(at: position)
        return true
    }

    /// The offset of the first `]` at or after `start`, or `bytes.count`. Found with `memchr`, as
    /// line feeds and disabling comments are: `]` is rare enough in a list that testing byte by
    /// byte was most of the scan.
    private static func firstClosingBracket(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                let found = memchr(base + start, Int32(UInt8(ascii: "]")), buffer.count - start)
            else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
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
                    facts.mark((destination.lowerBound - 2)..<(destination.lowerBound - 1), TreeFacts.linked)
                    facts.mark(destination, TreeFacts.linked)
                }
                if facts.firstOnLine.indices.contains(node.startLine) {
                    facts.append(link: node, line: node.startLine)
                }
            case .code, .codeBlock, .htmlBlock, .htmlInline:
                facts.mark(document.range(of: node), TreeFacts.skipped)
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
