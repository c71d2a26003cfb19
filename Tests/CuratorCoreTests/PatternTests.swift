import Foundation
import Testing

@testable import CuratorCore

/// `Pattern` answers some patterns with glibc's POSIX engine; ICU, through `NSRegularExpression`,
/// is the reference it must agree with on every string.
@Suite struct PatternTests {
    static let patterns = [
        // The shipped rulesets' patterns.
        #"^https?://img\.shields\.io/github/stars/"#,
        #"^https?://img\.shields\.io/badge/(Conference|Journal|Workshop)-"#,
        #"^https?://img\.shields\.io/badge/"#,
        #"^(?:\s*|.*/|(?:.*/)?\.(?:png|jpe?g|gif|svg|webp))$"#,
        #"^\s*$|(^|/)\.(png|jpe?g|gif|svg|webp)$|/$"#,
        #"^\[//\]: #(\d\d/\d\d|Recommend)$"#,
        // Constructs the translation handles, and some it leaves to ICU.
        #"a{2,3}b"#, #"^[^/]+/[a-z0-9_.-]+$"#, #"\w+@\w+"#, #"x\.y\+z\?\(\)\[\]\{\}\|\^\$\\"#,
        #"(ab|)c"#, #"colou?r"#, #"\bword\b"#, #"a+?b"#, #"(?i)readme"#, #"(?=a)a"#, #"[\d]"#, #"[[:alpha:]]+"#,
        #"é"#, #"]"#, #"\/path\-x\#"#, #"\x41"#, #"(a)\1"#, #"^$"#, #".*"#,
    ]

    static let texts = [
        "", " ", "https://img.shields.io/github/stars/owner/repo.svg?style=social&label=Star",
        "http://img.shields.io/badge/Conference-ICLR'25-blue", "https://img.shields.io/badge/Type-Sparse-C2A4A6",
        "figures/.png", "figures/", "figures/paper.png", ".jpeg", "x/.JPG", "[//]: #06/17", "[//]: #Recommend",
        "[//]: #6/17", "aab", "aaab", "ab", "owner/repo-name_1.x", "owner/repo/x", "me@example", "x.y+z?()[]{}|^$\\",
        "c", "abc", "color", "colour", "a word here", "README", "readme", "A", "7", "abc\ndef", "figures/é.png", "é",
        "aa", "]", "/path-x#", "aa", "tab\there", "  ", "trailing/\n",
    ]

    @Test(arguments: patterns)
    func agreesWithICU(pattern: String) throws {
        let reference = try NSRegularExpression(pattern: pattern)
        let ours = try Pattern(pattern)
        for text in Self.texts {
            let expected = reference.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(ours.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
        }
    }

    /// The shipped patterns must take the fast path, or the speed it exists for is lost.
    @Test func shippedPatternsAreTranslated() throws {
        // Read from the shipped rulesets themselves, so that a pattern changed there is checked.
        var shipped: [String] = []
        for name in RulesetLoader.shippedNames {
            let ruleset = try RulesetLoader.shipped(name)
            shipped += [ruleset.badges?.star?.match, ruleset.badges?.venue?.match, ruleset.badges?.type?.match]
                .compactMap { $0 }
            shipped += [ruleset.figures?.placeholder].compactMap { $0 } + (ruleset.exclude ?? [])
            shipped += ruleset.formats.compactMap(\.dateComment)
        }
        #expect(!shipped.isEmpty)
        for pattern in shipped {
            #expect(Pattern.posixForm(of: pattern) != nil, "\(pattern)")
        }
        for pattern in [#"\bword\b"#, #"a+?b"#, #"(?i)readme"#, #"(?=a)a"#, #"[\d]"#, #"é"#, #"(a)\1"#] {
            #expect(Pattern.posixForm(of: pattern) == nil, "\(pattern)")
        }
    }

    @Test func invalidPatternsFail() {
        #expect(throws: (any Error).self) { try Pattern("(unclosed") }
        #expect(throws: (any Error).self) { try Pattern("[z-a]") }
        #expect(throws: (any Error).self) { try Pattern("a{,2}") }
        #expect(throws: (any Error).self) { try Pattern("a**") }
    }
}
