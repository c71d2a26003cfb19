import Testing
import Yams

@testable import CuratorCore

/// `RulesetNode` reads plain decimals itself and leaves every other spelling to Yams; both ways
/// must give the same number.
struct RulesetNodeNumberTests {
    static let spellings = [
        "0", "7", "20", "-3", "+5", "1000", "012", "0x10", "0o7", "0b11", "1_000", "-0", "00", "1:30", "0.5", "-2.25",
        "+0.75", "10.0", ".5", "5.", "1e3", "1.5e-2", ".inf", "-.inf", ".nan", "1__0", "", "-", "+", "x", "1x", "0.5.1",
        "9223372036854775807", "9223372036854775808", "３",
    ]

    static func scalarNode(_ text: String, _ style: Node.Scalar.Style = .plain) -> RulesetNode {
        RulesetNode(.scalar(Node.Scalar(text, Tag(.implicit, .basic, RulesetLoader.bareConstructor), style)))
    }

    @Test(arguments: spellings)
    func wholeNumbersReadAsYamsReadsThem(text: String) {
        let scalar = Node.Scalar(text, Tag(.implicit, .basic, RulesetLoader.bareConstructor), .plain)
        #expect((try? Self.scalarNode(text).int()) == Int.construct(from: scalar))
    }

    @Test(arguments: spellings)
    func numbersReadAsYamsReadsThem(text: String) {
        let scalar = Node.Scalar(text, Tag(.implicit, .basic, RulesetLoader.bareConstructor), .plain)
        let ours = try? Self.scalarNode(text).double()
        let theirs = Double.construct(from: scalar)
        #expect(ours == theirs || (ours?.isNaN == true && theirs?.isNaN == true))
    }

    @Test func quotedNumbersAreOnlyStrings() {
        #expect((try? Self.scalarNode("5", .doubleQuoted).int()) == nil)
        #expect((try? Self.scalarNode("0.5", .singleQuoted).double()) == nil)
    }
}
