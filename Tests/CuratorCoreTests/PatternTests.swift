import Testing

@testable import CuratorCore

/// `Pattern` reads ICU's syntax and answers whether a pattern matches anywhere in a string.
@Suite struct PatternTests {
    static let cases: [(pattern: String, text: String, matches: Bool)] = [
        (#"^https?://img\.shields\.io/github/stars/"#, "https://img.shields.io/github/stars/o/r.svg", true),
        (#"^https?://img\.shields\.io/github/stars/"#, "https://img.shields.io/badge/x", false),
        (#"^(?:\s*|.*/|(?:.*/)?\.(?:png|jpe?g|gif|svg|webp))$"#, "figures/.png", true),
        (#"^(?:\s*|.*/|(?:.*/)?\.(?:png|jpe?g|gif|svg|webp))$"#, "figures/paper.png", false),
        (#"^\[//\]: #(\d\d/\d\d|Recommend)$"#, "[//]: #06/17", true),
        (#"^\[//\]: #(\d\d/\d\d|Recommend)$"#, "[//]: #6/17", false),
        // Found anywhere, not only at the start.
        (#"a{2,3}b"#, "xaab", true),
        (#"colou?r"#, "a colour", true),
        // ICU's own constructs: word boundaries, flags, lookahead, backreferences.
        (#"\bword\b"#, "a word here", true),
        (#"\bword\b"#, "swordfish", false),
        (#"(?i)readme"#, "README.md", true),
        (#"(?=a)a"#, "ba", true),
        (#"(a)\1"#, "xaa", true),
        (#"(a)\1"#, "ab", false),
        // Characters beyond ASCII, and `$` before a final line break.
        (#"é"#, "figures/é.png", true),
        (#"^é\.png$"#, "é.png", true),
        (#"/$"#, "trailing/\n", true),
        (#"^$"#, "", true),
    ]

    @Test(arguments: cases.indices)
    func answersAsICUDoes(index: Int) throws {
        let (pattern, text, expected) = Self.cases[index]
        #expect(try Pattern(pattern).matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test func invalidPatternsFail() {
        #expect(throws: (any Error).self) { try Pattern("(unclosed") }
        #expect(throws: (any Error).self) { try Pattern("[z-a]") }
        #expect(throws: (any Error).self) { try Pattern("a{,2}") }
        #expect(throws: (any Error).self) { try Pattern("a**") }
    }
}
