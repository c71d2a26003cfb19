import CuratorCore
import Testing

/// Edits are byte ranges applied together; those that would fight over the same bytes wait for
/// the next pass.
struct FixerTests {
    static func apply(_ edits: [(Range<Int>, String)], to text: String) -> String {
        let textEdits = edits.map { TextEdit(file: "x.md", range: $0.0, replacement: $0.1) }
        return String(decoding: Fixer.apply(textEdits, to: Array(text.utf8)), as: UTF8.self)
    }

    @Test func separateEditsAreAllApplied() {
        #expect(Self.apply([(0..<1, "A"), (4..<5, "E"), (2..<2, "+")], to: "abcde") == "Ab+cdE")
    }

    @Test func borderingReplacementsAreBothApplied() {
        #expect(Self.apply([(0..<2, "AB"), (2..<4, "CD")], to: "abcde") == "ABCDe")
    }

    @Test func overlappingEditsWait() {
        #expect(Self.apply([(1..<3, "X"), (2..<4, "Y")], to: "abcde") == "abYe")
    }

    /// Edits are taken from the end of the file backwards, so the insertion goes in and the
    /// replacement around it waits for the next pass, which sees the inserted text.
    @Test func anInsertionAndAReplacementAroundItDoNotBothApply() {
        #expect(Self.apply([(1..<4, "X"), (2..<2, "+")], to: "abcde") == "ab+cde")
        #expect(Self.apply([(1..<4, "X"), (4..<4, "+")], to: "abcde") == "abcd+e")
    }

    @Test func theSameEditTwiceIsAppliedOnce() {
        #expect(Self.apply([(1..<2, "B"), (1..<2, "B")], to: "abc") == "aBc")
    }

    @Test func noEditsGiveTheSameBytes() {
        #expect(Self.apply([], to: "unchanged\r\n") == "unchanged\r\n")
    }
}
