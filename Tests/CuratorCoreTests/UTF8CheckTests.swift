import CuratorCore
import CuratorTestSupport
import Testing

/// Whatever the bytes, `SourceText` must refuse the same files at the same place as the standard
/// library's strict UTF-8 parser.
struct UTF8CheckTests {
    static let validPieces: [[UInt8]] = [
        Array("a".utf8), Array("Mixture-of-Experts ".utf8), Array("\n".utf8), Array("é".utf8), Array("€".utf8),
        Array("𝔘".utf8), Array("| [x](https://a.b/c) |\n".utf8),
    ]
    static let badPieces: [[UInt8]] = [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x00],
    ]

    /// Where the standard library says the first bad byte is, and whether it is a NUL.
    static func expectedError(_ bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
        if let nul = bytes.prefix(8192).firstIndex(of: 0) { return (nul, true) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return (offset, true) }
                offset += encoded.count
            case .error: return (offset, false)
            case .emptyInput: return nil
            }
        }
    }

    /// Line and column (in scalars) of byte `offset`, as error messages give them.
    static func place(_ offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    @Test func refusesWhatTheStandardLibraryRefusesAtTheSamePlace() {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        var refused = 0
        for _ in 0..<2000 {
            // A long ASCII start puts what follows past the first 8192 bytes, where a NUL is
            // found by the scan itself rather than by the binary-file check.
            var bytes: [UInt8] =
                random.next(4) == 0 ? Array(repeating: UInt8(ascii: "a"), count: 8190 + random.next(9)) : []
            for _ in 0..<random.next(24) {
                let pieces = random.next(30) == 0 ? Self.badPieces : Self.validPieces
                bytes += pieces[random.next(pieces.count)]
            }
            let expected = Self.expectedError(bytes)
            do {
                _ = try SourceText(path: "x.md", bytes: bytes)
                #expect(expected == nil, "accepted \(bytes.suffix(80))")
            } catch {
                refused += 1
                guard let expected else {
                    Issue.record("refused valid \(bytes.suffix(80))")
                    continue
                }
                let place = Self.place(expected.offset, in: bytes)
                #expect(error.line == place.line && error.column == place.column, "\(bytes.suffix(80))")
                #expect(error.message.contains(expected.isNUL ? "NUL" : "invalid UTF-8"), "\(bytes.suffix(80))")
            }
        }
        #expect(refused > 50)
    }
}
