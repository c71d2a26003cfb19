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
    /// matched yet, each with how many nodes have it. Each `](` of a rendered link takes its
    /// destination off, so that an unrendered `](` later on the line does not match it again;
    /// but only an unrendered `](` reads the destinations, and most lines have none. So the
    /// rendered matches are noted by where their destinations start, and the strings are made
    /// and the matches replayed only when an unrendered `](` asks: what it sees is what it would
    /// have seen.
    private struct LineDestinations {
        var line = 0
        /// Nil until an unrendered `](` on `line` asks.
        var remaining: [String: Int]?
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

    /// What a scan from each byte of one line would find, worked out in one pass over the line
    /// when the first `](` on it asks, so that a line of many `](` costs its length once instead
    /// of once per `](`.
    private struct LineScan {
        var line = 0
        var range: Range<Int> = 0..<0
        /// Per byte of the line, the end of a destination starting there, as `destinationBytes`
        /// describes it: the offset times two, plus one when a `)` closed it. Empty until asked.
        var destinationEnds: [Int32] = []
        /// The `[` not yet closed before `bracketsScanned`, innermost last.
        var openBrackets: [Int32] = []
        var bracketsScanned = 0
        /// The bytes and brackets looked at so far, over all lines: the scan's work, which the
        /// tests hold to a constant times the file's size.
        var steps = 0

        mutating func moveTo(_ number: Int, range: Range<Int>) {
            guard number != line else { return }
            line = number
            self.range = range
            destinationEnds.removeAll(keepingCapacity: false)
            openBrackets.removeAll(keepingCapacity: true)
            bracketsScanned = range.lowerBound
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
        var steps = 0
        return candidates(countingSteps: &steps)
    }

    /// The candidates, and in `steps` the work it took to find them.
    func candidates(countingSteps steps: inout Int) -> [Candidate] {
        let bytes = document.source.bytes
        let lineStarts = document.source.lineStarts
        var scan = LineScan()
        defer { steps = scan.steps }
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
            scan.steps += 1
            if facts.flags[index] & TreeFacts.skipped != 0 { continue }
            while lineNumber < lineStarts.count, lineStarts[lineNumber] <= index { lineNumber += 1 }
            let line = document.source.lineRange(lineNumber)
            let rowEnd = facts.rowEnds[lineNumber]
            // Cells past the header's count never reach the tree; `cell-count` reports their loss.
            if rowEnd >= 0, index >= rowEnd { continue }
            var open = index + 1
            while open < line.upperBound, bytes[open] == UInt8(ascii: " ") || bytes[open] == UInt8(ascii: "\t") {
                open += 1
                scan.steps += 1
            }
            guard open < line.upperBound, bytes[open] == UInt8(ascii: "(") else { continue }
            let spaced = open > index + 1
            let stopsAtPipe = rowEnd >= 0
            scan.moveTo(lineNumber, range: line)
            func destinationBytes(from start: Int) -> (range: Range<Int>, closed: Bool) {
                self.destinationBytes(from: start, stopsAtPipe: stopsAtPipe, scan: &scan)
            }
            let destination: (range: Range<Int>, closed: Bool)
            if !spaced {
                onLine.moveTo(lineNumber)
                if facts.flags[index] & TreeFacts.linked != 0 {
                    if onLine.remaining == nil {
                        onLine.renderedStarts.append(open + 1)
                    } else {
                        takeDestination(destinationBytes(from: open + 1).range, from: &onLine.remaining!)
                    }
                    continue
                }
                destination = destinationBytes(from: open + 1)
                if destination.closed,
                    takeDestination(destination.range, on: &onLine, facts: facts, with: destinationBytes)
                {
                    continue
                }
            } else {
                // `] (` only reads as a broken link when a URL follows, not in ordinary prose.
                let rest = bytes[(open + 1)..<line.upperBound]
                guard rest.starts(with: "http".utf8) || rest.starts(with: "www.".utf8) else { continue }
                destination = destinationBytes(from: open + 1)
            }
            let start = openingBracket(before: index, scan: &scan)
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
        _ range: Range<Int>, on onLine: inout LineDestinations, facts: TreeFacts,
        with destinationBytes: (Int) -> (range: Range<Int>, closed: Bool)
    ) -> Bool {
        if onLine.remaining == nil {
            var node = facts.firstOnLine[onLine.line]
            // A line without link nodes has nothing to match, however many `](` it holds.
            guard node >= 0 else { return false }
            var remaining: [String: Int] = [:]
            while node >= 0 {
                remaining[facts.links[node].url ?? "", default: 0] += 1
                node = facts.nextOnLine[node]
            }
            for start in onLine.renderedStarts {
                takeDestination(destinationBytes(start).range, from: &remaining)
            }
            onLine.remaining = remaining
        }
        return takeDestination(range, from: &onLine.remaining!)
    }

    /// Takes the destination written at `range` off `destinations`; whether it was there.
    @discardableResult
    private func takeDestination(_ range: Range<Int>, from destinations: inout [String: Int]) -> Bool {
        guard !destinations.isEmpty else { return false }
        let written = normalized(range)
        guard let count = destinations[written] else { return false }
        destinations[written] = count > 1 ? count - 1 : nil
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
    /// table row an unescaped `|` ends the cell first, and with it the destination. A `\\`
    /// escapes the byte after it.
    ///
    /// Read from the line's scan: from its end backwards, the `)` not balanced by a `(` after
    /// them are kept on a stack whose top is the first of them, so each byte's answer costs one
    /// step. A destination starts after `](`, whose `(` is never escaped, so escapes pair up
    /// from there as they do from the line's start.
    private func destinationBytes(from start: Int, stopsAtPipe: Bool, scan: inout LineScan) -> (
        range: Range<Int>, closed: Bool
    ) {
        let line = scan.range
        guard start < line.upperBound else { return (start..<line.upperBound, false) }
        if scan.destinationEnds.isEmpty {
            scan.destinationEnds = Self.destinationEnds(of: document.source.bytes[line], stopsAtPipe: stopsAtPipe)
            scan.steps += line.count
        }
        let end = Int(scan.destinationEnds[start - line.lowerBound])
        return (start..<(line.lowerBound + end >> 1), end & 1 == 1)
    }

    static func destinationEnds(of line: ArraySlice<UInt8>, stopsAtPipe: Bool) -> [Int32] {
        let count = line.count
        var escaped = [Bool](repeating: false, count: count)
        var position = 0
        for byte in line {
            if byte == UInt8(ascii: "\\"), !escaped[position], position + 1 < count { escaped[position + 1] = true }
            position += 1
        }
        var ends = [Int32](repeating: 0, count: count)
        var unbalanced: [Int32] = []
        var pipe = count
        position = count - 1
        var index = line.endIndex - 1
        while position >= 0 {
            if !escaped[position] {
                switch line[index] {
                case UInt8(ascii: "|") where stopsAtPipe: pipe = position
                case UInt8(ascii: ")"): unbalanced.append(Int32(position))
                case UInt8(ascii: "("): if !unbalanced.isEmpty { unbalanced.removeLast() }
                default: break
                }
            }
            if let close = unbalanced.last, Int(close) < pipe {
                ends[position] = close << 1 | 1
            } else {
                ends[position] = Int32(pipe) << 1
            }
            position -= 1
            index -= 1
        }
        return ends
    }

    /// The `[` that a label ending at `close` opens with, balancing nested brackets, as a scan
    /// backwards from `close` to the line's start would find it: the innermost `[` still open
    /// when brackets are matched from the line's start. The line is matched once, up to each
    /// `]` asked about in turn.
    private func openingBracket(before close: Int, scan: inout LineScan) -> Int? {
        let bytes = document.source.bytes
        var index = scan.bracketsScanned
        while index < close {
            switch bytes[index] {
            case UInt8(ascii: "["): scan.openBrackets.append(Int32(index - scan.range.lowerBound))
            case UInt8(ascii: "]"): if !scan.openBrackets.isEmpty { scan.openBrackets.removeLast() }
            default: break
            }
            index += 1
        }
        scan.steps += max(0, close - scan.bracketsScanned)
        scan.bracketsScanned = max(scan.bracketsScanned, close)
        return scan.openBrackets.last.map { scan.range.lowerBound + Int($0) }
    }
}
