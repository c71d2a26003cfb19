import CuratorCore
import Foundation
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

    // MARK: Refusals

    static let list = """
        ## Pruning
        | Title & Authors | Introduction | Links |
        |:--|:--:|:--:|
        |[First Title](https://arxiv.org/pdf/2403.07777) <br> A |x |[Paper](https://arxiv.org/abs/2403.07777)|
        |[Second Title](https://arxiv.org/abs/2403.07778) <br> B |x |[Paper](https://arxiv.org/abs/2403.07778)|

        """

    static func workspace() throws -> Workspace {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        return try Workspace(
            files: [("pruning.md", list)], ruleset: ruleset, root: URL(fileURLWithPath: "/nonexistent-list-root"))
    }

    /// A finding whose fix replaces the first `text` of the list.
    static func finding(
        replacing text: String, with replacement: String, expected: String? = nil, node: Range<Int>? = nil
    )
        -> Finding
    {
        let bytes = Array(list.utf8)
        let needle = Array(text.utf8)
        let start = (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }!
        let range = start..<(start + needle.count)
        return Finding(
            location: SourceLocation(file: "pruning.md", line: 1, column: 1), ruleID: "test-rule", severity: .warning,
            message: "m",
            fix: Fix(
                summary: "s",
                edits: [
                    TextEdit(
                        file: "pruning.md", range: range, replacement: replacement, expected: expected, node: node,
                        nodeName: node == nil ? nil : "link")
                ]))
    }

    static func refusal(_ finding: Finding) throws -> InputError? {
        let workspace = try workspace()
        do {
            _ = try Fixer.apply([finding], to: workspace)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFixThatChangesOnlyItsOwnBytesIsApplied() throws {
        let finding = Self.finding(
            replacing: "https://arxiv.org/pdf/2403.07777", with: "https://arxiv.org/abs/2403.07777",
            expected: "https://arxiv.org/pdf/2403.07777")
        let fixed = try Fixer.apply([finding], to: try Self.workspace())
        #expect(
            String(decoding: fixed["pruning.md"] ?? [], as: UTF8.self).contains(
                "[First Title](https://arxiv.org/abs/2403.07777)"))
    }

    @Test func anEditOverOtherBytesThanTheRuleReadIsRefused() throws {
        let error = try Self.refusal(
            Self.finding(
                replacing: "s://arxiv.org/pdf/2403.07777", with: "https://arxiv.org/abs/2403.07777",
                expected: "https://arxiv.org/pdf/2403.07777"))
        #expect(error?.description.hasPrefix("pruning.md:4:20: refusing the fix of test-rule") == true)
        #expect(error?.message.contains("not the 'https://arxiv.org/pdf/2403.07777' the rule read") == true)
    }

    @Test func anEditOutsideItsNodeIsRefused() throws {
        let error = try Self.refusal(Self.finding(replacing: "<br> A", with: "<br> a", node: 0..<10))
        #expect(error?.message.contains("outside the link it belongs to") == true)
    }

    @Test func aFixThatChangesAnotherEntryIsRefused() throws {
        // Without the delimiter row there is no table, and the rows no fix touched read differently.
        let error = try Self.refusal(Self.finding(replacing: "|:--|:--:|:--:|\n", with: ""))
        #expect(error?.description.hasPrefix("pruning.md:4:1: refusing the fixes of this file") == true)
        #expect(error?.message.contains("would change, though no fix is in it") == true)
    }

    @Test func aFixThatMakesAnEntryUnreadableIsRefused() throws {
        let error = try Self.refusal(
            Self.finding(replacing: "[Second Title](https://arxiv.org/abs/2403.07778)", with: "Second"))
        #expect(error?.description.hasPrefix("pruning.md:5:1: refusing the fixes of this file") == true)
        #expect(error?.message.contains("would no longer be read") == true)
    }
}
