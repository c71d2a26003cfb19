import Testing

@testable import CuratorCore

/// The rules' start order: every rule exactly once, the registry's last rule first, and the two
/// halves of the registry taking turns.
struct LinterStartOrderTests {
    @Test(arguments: [0, 1, 2, 3, 7, 26, 27])
    func everyRuleStartsOnce(count: Int) {
        #expect(Linter.startOrder(count).sorted() == Array(0..<count))
    }

    @Test func halvesTakeTurnsFromTheirEnds() {
        #expect(Linter.startOrder(6) == [5, 2, 4, 1, 3, 0])
        #expect(Linter.startOrder(7) == [6, 2, 5, 1, 4, 0, 3])
    }
}
