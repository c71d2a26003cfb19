import CuratorCore
import Foundation

/// The raw shape of a table row's line: its pipes and what stands outside them. Shared by the
/// rules that judge rows by their bytes, so that each defect is claimed by exactly one of them.
struct RowShape {
    let source: SourceText
    /// The row's line (the entry's first line) and bytes, and the cells as the extractor split them.
    /// Only these few fields are kept: holding the whole `Entry` retained every one of its strings
    /// and arrays once per row, which cost more than the checks themselves.
    let line: Int
    let range: Range<Int>
    let rawCells: [Range<Int>]
    let columnCount: Int
    /// The row's line without the date comment, a trailing HTML comment and trailing blanks.
    let body: Range<Int>
    /// Where the date comment or trailing HTML comment after the last cell starts, if there is one.
    let commentStart: Int?

    init(_ entry: Entry, in source: SourceText) {
        self.source = source
        line = entry.line
        range = entry.range
        rawCells = entry.rawCells
        columnCount = entry.columnCount
        var end = entry.range.upperBound
        if let comment = entry.dateComment?.range.lowerBound { end = min(end, comment) }
        if let comment = entry.trailingComment?.range.lowerBound { end = min(end, comment) }
        commentStart = end < entry.range.upperBound ? end : nil
        var upper = end
        var lower = entry.range.lowerBound
        while upper > lower, Self.isBlank(source.bytes[upper - 1]) { upper -= 1 }
        while lower < upper, Self.isBlank(source.bytes[lower]) { lower += 1 }
        body = lower..<upper
    }

    var startsWithPipe: Bool { body.first.map { source.bytes[$0] == UInt8(ascii: "|") } ?? false }

    /// Whether the last byte before the date comment is a pipe. A date comment must itself follow
    /// a pipe, so a row with one counts by the pipe before it.
    var endsWithPipe: Bool {
        guard let last = body.last else { return false }
        return source.bytes[last] == UInt8(ascii: "|") && !isEscaped(last)
    }

    /// Text after the row's last pipe that GitHub turns into a cell past the header's count: the
    /// cell is dropped, and with it the text. Nil when the row ends with a pipe, or when that text
    /// is the row's last proper cell (it has no more cells than the header without it).
    var strayTail: Range<Int>? {
        guard !endsWithPipe, columnCount > 0, rawCells.count > columnCount,
            let last = rawCells.last
        else { return nil }
        let trimmed = Self.trim(last, in: source)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The cells that count against the header: the raw cells less a stray tail.
    var cellCount: Int { rawCells.count - (strayTail == nil ? 0 : 1) }

    /// A row with no readable content: nothing but pipes and at most a few stray characters, as
    /// left behind by a slip of the keyboard. Such a row is stray text, not an unreadable entry.
    var isStray: Bool {
        // Rows are nearly always ASCII, where characters are bytes and letters and digits are the
        // ASCII ones, so counting bytes gives the same answer as decoding. A carriage return could
        // join a line feed into one character, and anything else is left to Unicode.
        var count = 0
        var hasLetterOrDigit = false
        var isPlainASCII = true
        for index in body {
            let byte = source.bytes[index]
            if Self.isBlank(byte) || byte == UInt8(ascii: "|") { continue }
            if byte >= 0x80 || byte == UInt8(ascii: "\r") {
                isPlainASCII = false
                break
            }
            count += 1
            if (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) { hasLetterOrDigit = true }
            // More than three characters with a letter or digit among them is content, whatever
            // follows: an ordinary row is settled in its first few bytes.
            if count > 3 && hasLetterOrDigit { return false }
        }
        if isPlainASCII { return count <= 3 || !hasLetterOrDigit }
        var content: [UInt8] = []
        for index in body where !Self.isBlank(source.bytes[index]) && source.bytes[index] != UInt8(ascii: "|") {
            content.append(source.bytes[index])
        }
        let text = String(decoding: content, as: UTF8.self)
        return text.count <= 3 || !text.contains { $0.isLetter || $0.isNumber }
    }

    /// The first pipe that ends a cell while a `[` of that cell is still open: a pipe typed inside a
    /// title or label, which GitHub takes for a cell border and so splits the link in two.
    var pipeInsideLabel: Int? {
        for cell in rawCells.dropLast() where cell.upperBound < range.upperBound {
            var depth = 0
            for index in cell {
                switch source.bytes[index] {
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth = max(0, depth - 1)
                default: break
                }
            }
            if depth > 0, source.bytes[cell.upperBound] == UInt8(ascii: "|") { return cell.upperBound }
        }
        return nil
    }

    private func isEscaped(_ index: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= range.lowerBound, source.bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func trim(_ range: Range<Int>, in source: SourceText) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(source.bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(source.bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

extension RowShape {
    /// Whether text after a row's last pipe was meant as the list's date comment (`[//]: #06/17`)
    /// though it is not written as one: `[//] #06/17`, `[/]: #06/17`, `//: #06/17`.
    static func looksLikeDateComment(_ text: String) -> Bool {
        afterDateCommentPrefix(text[...]) != nil
    }

    /// What follows a loosely written date comment's opening, `^\[?/{1,2}\]?\s*:?\s*#` as a
    /// regular expression would read it; nil when the text does not open that way. Read by hand:
    /// a regular expression here would be the first, and so the one that pays for setting up
    /// ICU's, in a whole offline lint.
    static func afterDateCommentPrefix(_ text: Substring) -> Substring? {
        var rest = text
        if rest.first == "[" { rest.removeFirst() }
        var slashes = 0
        while slashes < 2, rest.first == "/" {
            rest.removeFirst()
            slashes += 1
        }
        guard slashes > 0 else { return nil }
        if rest.first == "]" { rest.removeFirst() }
        rest = rest.drop(while: \.isWhitespace)
        if rest.first == ":" { rest.removeFirst() }
        rest = rest.drop(while: \.isWhitespace)
        guard rest.first == "#" else { return nil }
        return rest.dropFirst()
    }

    /// Calls `body` with the shapes of each table's rows (table-row entries on consecutive lines
    /// of one file and format), the table's file and its source. Entries are lent, never copied,
    /// and a table whose file is not in the workspace is skipped.
    static func forEachTable(in context: LintContext, _ body: ([RowShape], String, SourceText) -> Void) {
        var rows: [RowShape] = []
        var file = ""
        var formatID = ""
        var lastLine = -1
        var source: SourceText?
        var isOpen = false
        func close() {
            if let source, !rows.isEmpty { body(rows, file, source) }
            rows.removeAll(keepingCapacity: true)
        }
        context.catalog.forEachEntry { entry in
            guard entry.kind == .tableRow else { return }
            if !(isOpen && file == entry.file && formatID == entry.formatID && lastLine + 1 == entry.line) {
                close()
                isOpen = true
                file = entry.file
                formatID = entry.formatID
                source = context.workspace.document(named: entry.file)?.source
            }
            lastLine = entry.line
            if let source { rows.append(RowShape(entry, in: source)) }
        }
        close()
    }
}
