/// The raw bytes of one markdown file with an index of its lines.
///
/// Every position the linter reports and every edit it makes is a byte offset into `bytes`, so an
/// unchanged file is written back byte for byte and an edit touches nothing outside its range.
public struct SourceText: Sendable {
    /// The path as reported to the user (relative to the working directory).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; line 1 is at index 0.
    public let lineStarts: [Int]
    /// In a file with a line longer than `checkpointStride` bytes, the number of UTF-8
    /// continuation bytes before each multiple of the stride, so that a column far into a long
    /// line is counted from the nearest multiple instead of from the line's start (a line of
    /// thousands of findings was otherwise counted once per finding). Empty in other files.
    private let continuationCheckpoints: [Int]
    static let checkpointStride = 4096

    /// Reads `bytes` as UTF-8 text. Invalid UTF-8 and NUL bytes (a binary file) are input errors
    /// that name the place of the first offending byte.
    ///
    /// Lines end where cmark-gfm ends them: at a line feed, a carriage return and line feed, or a
    /// carriage return alone, so that a line number of the tree and of this table is one line.
    public init(path: String, bytes: [UInt8]) throws(InputError) {
        self.path = path
        self.bytes = bytes
        lineStarts = SourceText.lineStarts(of: bytes)
        continuationCheckpoints = SourceText.continuationCheckpoints(of: bytes, lineStarts: lineStarts)
        // A NUL byte near the start marks a binary file, as git decides; say so rather than
        // reporting the first byte that is not UTF-8.
        if let nul = bytes.prefix(8192).firstIndex(of: 0) {
            let place = location(ofByte: nul)
            throw InputError(path: path, line: place.line, column: place.column, message: "binary file: NUL byte")
        }
        if let bad = SourceText.firstInvalidByte(bytes) {
            let place = location(ofByte: bad.offset)
            throw InputError(
                path: path, line: place.line, column: place.column,
                message: bad.isNUL ? "binary file: NUL byte" : "invalid UTF-8")
        }
    }

    /// The offset at which each line starts. A final line ending does not open a line of its own.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 64 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    starts.append(index)
                } else if byte == UInt8(ascii: "\r") {
                    if index < buffer.count, buffer[index] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index)
                }
            }
        }
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        return starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of line `number` (1-based), without its line terminator.
    public func lineRange(_ number: Int) -> Range<Int> {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The text of line `number` (1-based), without its line terminator.
    public func lineText(_ number: Int) -> String {
        String(decoding: bytes[lineRange(number)], as: UTF8.self)
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The 1-based line holding byte `offset`.
    public func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column of byte `offset`; the column counts Unicode scalars, 1-based.
    public func location(ofByte offset: Int) -> (line: Int, column: Int) {
        let line = line(ofByte: offset)
        let start = lineStarts[line - 1]
        let end = max(start, min(offset, bytes.count))
        // Continuation bytes (10xxxxxx) do not start a scalar.
        if end - start > Self.checkpointStride, !continuationCheckpoints.isEmpty {
            return (line, end - start - (continuations(before: end) - continuations(before: start)) + 1)
        }
        var column = 1
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// The number of continuation bytes before `offset`, from the checkpoint before it.
    private func continuations(before offset: Int) -> Int {
        let block = offset / Self.checkpointStride
        var count = continuationCheckpoints[block]
        for index in (block * Self.checkpointStride)..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
        return count
    }

    private static func continuationCheckpoints(of bytes: [UInt8], lineStarts: [Int]) -> [Int] {
        var longest = 0
        var previous = 0
        for start in lineStarts.dropFirst() + [bytes.count] {
            longest = max(longest, start - previous)
            previous = start
        }
        guard longest > checkpointStride else { return [] }
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / checkpointStride + 1)
        var count = 0
        for (index, byte) in bytes.enumerated() {
            if index > 0, index % checkpointStride == 0 { checkpoints.append(count) }
            if byte & 0xC0 == 0x80 { count += 1 }
        }
        if bytes.count > 0, bytes.count % checkpointStride == 0 { checkpoints.append(count) }
        return checkpoints
    }

    public func sourceLocation(ofByte offset: Int) -> SourceLocation {
        let place = location(ofByte: offset)
        return SourceLocation(file: path, line: place.line, column: place.column)
    }

    /// The first byte that is not UTF-8 or is NUL, or nil for a text file. The standard
    /// library's validation reads the whole file; the place of a bad byte is only looked for
    /// in a file it refused, as the first replacement character that decoding with repairs put
    /// where the file has none (every scalar before it was valid, so its bytes are its width).
    private static func firstInvalidByte(_ bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
        if String(validating: bytes, as: UTF8.self) != nil {
            return bytes.firstIndex(of: 0).map { ($0, true) }
        }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.value == 0 { return (offset, true) }
            if scalar == "\u{FFFD}", !bytes[offset...].starts(with: replacement) { return (offset, false) }
            offset += UTF8.width(scalar)
        }
        return nil
    }
}

extension SourceText {
    /// The bytes between `](` and the final `)` of the inline link or image spanning `range`,
    /// where its destination is written; nil when the bytes there are not of that shape.
    public func destinationRange(ofLinkAt range: Range<Int>) -> Range<Int>? {
        guard range.count >= 3, range.upperBound <= bytes.count, bytes[range.upperBound - 1] == UInt8(ascii: ")") else {
            return nil
        }
        var index = range.upperBound - 2
        var depth = 0
        while index > range.lowerBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: ")") { depth += 1 }
            if byte == UInt8(ascii: "(") {
                if depth == 0 {
                    return bytes[index - 1] == UInt8(ascii: "]") ? (index + 1)..<(range.upperBound - 1) : nil
                }
                depth -= 1
            }
            index -= 1
        }
        return nil
    }
}
