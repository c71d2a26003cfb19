import CuratorCore
import Foundation

extension String {
    /// The text without surrounding `.whitespaces` (spaces, tabs and the Unicode space
    /// separators), exactly as `trimmingCharacters(in: .whitespaces)` gives it. Most texts are
    /// ASCII at both ends, where trimming spaces and tabs byte by byte says the same at a fraction
    /// of Foundation's cost (which bridges through NSString); a text with a non-ASCII end is left
    /// to Foundation, which knows the Unicode separators.
    func trimmedOfWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end else { return "" }
        if utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return trimmingCharacters(in: .whitespaces)
        }
        return String(self[start..<end])
    }
}

extension LintContext {
    /// Whether the bytes of `range` in `file` spell `text`, as `text(range, in:) == text` says.
    /// Equal bytes are equal text, which settles nearly every call without decoding a string; only
    /// bytes that differ are decoded and compared as text, where another normalization form of the
    /// same characters still counts as equal.
    func source(_ range: Range<Int>, in file: String, spells text: String) -> Bool {
        if let bytes = workspace.document(named: file)?.source.bytes, range.upperBound <= bytes.count,
            range.lowerBound >= 0, bytes[range].elementsEqual(text.utf8)
        {
            return true
        }
        return self.text(range, in: file) == text
    }
}
