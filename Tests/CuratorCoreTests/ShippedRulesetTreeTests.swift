import Testing
import Yams

@testable import CuratorCore

/// The shipped rulesets are read from node trees composed when curator is built; each must be
/// the tree composing its text gives, node for node, or a lint would read another ruleset.
struct ShippedRulesetTreeTests {
    /// A node's kind, tag, style and text, and its children's, one line each, in order.
    static func outline(_ node: Node, into lines: inout [String], depth: Int = 0) {
        let indent = String(repeating: " ", count: depth)
        switch node {
        case .scalar(let scalar):
            lines.append("\(indent)scalar \(scalar.tag.rawValue) \(scalar.style) \(scalar.string.debugDescription)")
        case .mapping(let mapping):
            lines.append("\(indent)mapping \(mapping.tag.rawValue) \(mapping.style) \(mapping.count)")
            for (key, value) in mapping {
                outline(key, into: &lines, depth: depth + 1)
                outline(value, into: &lines, depth: depth + 1)
            }
        case .sequence(let sequence):
            lines.append("\(indent)sequence \(sequence.tag.rawValue) \(sequence.style) \(sequence.count)")
            for item in sequence { outline(item, into: &lines, depth: depth + 1) }
        case .alias(let alias):
            lines.append("\(indent)alias \(alias)")
        }
    }

    static func outline(_ node: Node?) -> [String] {
        var lines: [String] = []
        if let node { outline(node, into: &lines) }
        return lines
    }

    @Test(arguments: RulesetLoader.shippedNames)
    func builtTreeIsTheComposedTree(name: String) throws {
        let text = try #require(RulesetLoader.shippedSource(name))
        let built = try #require(EmbeddedRulesets.node(name))
        let composed = try RulesetLoader.Layer.compose(text, path: name)
        #expect(Self.outline(built) == Self.outline(composed))
        #expect(Self.outline(composed).count > 10)
    }

    /// An error placed in a shipped ruleset still says line and column: its text is composed
    /// again for the marks the built tree cannot carry.
    @Test func shippedLayerStillPlacesErrors() throws {
        let name = try #require(RulesetLoader.shippedNames.first)
        let layer = try RulesetLoader.shippedLayer(name, source: try #require(RulesetLoader.shippedSource(name)))
        #expect(layer.node.mapping?["name"]?.mark == nil)
        let marked = try #require(layer.markedNode.mapping?["name"]?.mark)
        #expect(marked.line >= 1 && marked.column >= 1)
    }
}
