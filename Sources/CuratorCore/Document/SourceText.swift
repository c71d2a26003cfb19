#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Reads `bytes` as UTF-8 text. Invalid UTF-8 and NUL bytes (a binary file) are input errors
    /// that name the place of the first offending byte.
    public init(path: String, bytes: [UInt8]) throws(InputError) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 64 + 1)
        // Line feeds are found with memchr, which reads many bytes at a time.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count,
                let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset)
            {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(index + 1)
                offset = index + 1
            }
        }
        // A final newline does not open a line of its own.
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
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
        var column = 1
        var index = lineStarts[line - 1]
        while index < offset && index < bytes.count {
            // Continuation bytes (10xxxxxx) do not start a scalar.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }

    public func sourceLocation(ofByte offset: Int) -> SourceLocation {
        let place = location(ofByte: offset)
        return SourceLocation(file: path, line: place.line, column: place.column)
    }

    private static func firstInvalidByte(_ bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
        bytes.withUnsafeBufferPointer { firstInvalidByte(in: $0) }
    }

    private static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, isNUL: Bool)? {
        var index = 0
        let count = bytes.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        while index < count {
            // Eight ASCII bytes at a time while none has its high bit set or is NUL (a word
            // has a zero byte exactly when (w - 0x01…01) & ~w & 0x80…80 is not zero).
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                guard word & highBits == 0, (word &- lowBits) & ~word & highBits == 0 else { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return (index, true) }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return (index, false)
            }
            guard index + length <= count else { return (index, false) }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else { return (index, false) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return (index, false)
            }
            index += length
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
