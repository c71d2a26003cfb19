import Foundation
import Yams

// Usage: EmbedRulesetsTool OUTPUT.swift RULESET.yml...
// Writes `enum EmbeddedRulesets` with each ruleset twice, keyed by file stem: its text, as a raw
// string literal, and the node tree Yams composes from it, as code that builds the tree. The text
// is what `curator rules` prints and what error messages point into; the tree is what a lint
// reads, so that no run parses the shipped YAML (composing it was a millisecond of every run).
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedRulesetsTool OUTPUT INPUT...\n".utf8))
    exit(2)
}

/// A Swift string literal spelling `text` exactly.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

/// Code that builds `node`: its strings, tags and styles as composed; marks cannot be made outside
/// Yams, so the loader composes the text again on the rare error that needs a line and column.
func code(_ node: Node, indent: String) -> String {
    let inner = indent + "    "
    switch node {
    case .scalar(let scalar):
        return "s(\(literal(scalar.string)), \(literal(scalar.tag.rawValue)), .\(scalar.style))"
    case .mapping(let mapping):
        let pairs = mapping.map { "\(inner)(\(code($0.key, indent: inner)), \(code($0.value, indent: inner)))" }
        return "m(\(literal(mapping.tag.rawValue)), .\(mapping.style), [\n" + pairs.joined(separator: ",\n")
            + "\n\(indent)])"
    case .sequence(let sequence):
        let items = sequence.map { "\(inner)\(code($0, indent: inner))" }
        return "q(\(literal(sequence.tag.rawValue)), .\(sequence.style), [\n" + items.joined(separator: ",\n")
            + "\n\(indent)])"
    case .alias:
        FileHandle.standardError.write(Data("EmbedRulesetsTool: aliases are not supported in shipped rulesets\n".utf8))
        exit(1)
    }
}

var source = "// Generated from rules/*.yml by the EmbedRulesets plugin.\nimport Yams\n\n"
source += "enum EmbeddedRulesets {\n    static let sources: [String: String] = [\n"
var trees: [(name: String, node: Node?)] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    // Pick a raw-string delimiter that cannot occur in the text.
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\"" + hashes) { hashes += "#" }
    let name = url.deletingPathExtension().lastPathComponent
    source += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
    // Composed exactly as RulesetLoader composes a ruleset's text.
    trees.append((name, try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)))
}
source += "    ]\n\n"
source += "    /// The node tree of the shipped ruleset `name`, as `RulesetLoader` composes its text (marks aside).\n"
source += "    static func node(_ name: String) -> Node?? {\n        switch name {\n"
for (index, tree) in trees.enumerated() {
    source += "        case \(literal(tree.name)): \(tree.node == nil ? ".some(nil)" : "node\(index)()")\n"
}
source += "        default: nil\n        }\n    }\n"
for (index, tree) in trees.enumerated() {
    guard let node = tree.node else { continue }
    source += "\n    private static func node\(index)() -> Node {\n        \(code(node, indent: "        "))\n    }\n"
}
source += """

        private static func tag(_ name: String) -> Tag {
            Tag(Tag.Name(rawValue: name), .basic, RulesetLoader.bareConstructor)
        }

        private static func s(_ string: String, _ tag: String, _ style: Node.Scalar.Style) -> Node {
            .scalar(Node.Scalar(string, Self.tag(tag), style))
        }

        private static func m(_ tag: String, _ style: Node.Mapping.Style, _ pairs: [(Node, Node)]) -> Node {
            .mapping(Node.Mapping(pairs, Self.tag(tag), style))
        }

        private static func q(_ tag: String, _ style: Node.Sequence.Style, _ nodes: [Node]) -> Node {
            .sequence(Node.Sequence(nodes, Self.tag(tag), style))
        }
    }

    """
try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
