import Foundation
import Yams

/// Finds and reads rulesets: the shipped ones compiled into the binary, and a list's own
/// `.curator.yml`, which `extends` a shipped ruleset (or a path) and overrides any key.
public enum RulesetLoader {
    /// The names of the rulesets compiled into this binary, from `rules/*.yml`.
    public static var shippedNames: [String] { EmbeddedRulesets.sources.keys.sorted() }

    /// The YAML text of a shipped ruleset.
    public static func shippedSource(_ name: String) -> String? { EmbeddedRulesets.sources[name] }

    /// Keys a config or ruleset file may hold at its top level; anything else is a typo.
    static let knownTopLevelKeys: Set<String> = [
        "extends", "name", "description", "files", "formats", "badges", "links", "venues", "star",
        "figures", "mirrors", "required-tags", "rules", "exclude", "http", "cache", "metadata", "authors", "propose",
    ]

    /// Loads a shipped ruleset by name.
    public static func shipped(_ name: String) throws(ConfigError) -> Ruleset {
        guard let source = shippedSource(name) else {
            throw ConfigError(
                path: "--ruleset",
                message: "no shipped ruleset named '\(name)' (shipped: \(shippedNames.joined(separator: ", ")))")
        }
        return try resolve([try shippedLayer(name, source: source)])
    }

    /// A shipped ruleset as a layer, from the node tree composed when curator was built.
    static func shippedLayer(_ name: String, source: String) throws(ConfigError) -> Layer {
        let path = "rules/\(name).yml"
        guard let node = EmbeddedRulesets.node(name) else { return try Layer(path: path, text: source) }
        return try Layer(path: path, composed: node, source: source)
    }

    /// Loads a config file and the chain of rulesets it extends.
    public static func config(at url: URL, displayPath: String) throws(ConfigError) -> Ruleset {
        var layers: [Layer] = []
        var nextURL: URL? = url
        var nextDisplay = displayPath
        var seen: Set<String> = []
        while let current = nextURL {
            guard seen.insert(current.standardizedFileURL.path).inserted else {
                throw ConfigError(path: nextDisplay, message: "'extends' forms a cycle")
            }
            let text: String
            do {
                let data = try Data(contentsOf: current)
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw ConfigError(path: nextDisplay, message: "not UTF-8 text")
                }
                text = decoded
            } catch let error as ConfigError {
                throw error
            } catch {
                throw ConfigError(path: nextDisplay, message: "cannot read: \(error.localizedDescription)")
            }
            let layer = try Layer(path: nextDisplay, text: text)
            layers.insert(layer, at: 0)
            nextURL = nil
            guard let extends = layer.extends else { continue }
            if let shipped = shippedSource(extends.value) {
                layers.insert(try shippedLayer(extends.value, source: shipped), at: 0)
            } else {
                let base = current.deletingLastPathComponent()
                let target = URL(fileURLWithPath: extends.value, relativeTo: base)
                guard FileManager.default.fileExists(atPath: target.path) else {
                    throw ConfigError(
                        path: nextDisplay, line: extends.line, column: extends.column,
                        message:
                            "'extends: \(extends.value)' names neither a shipped ruleset (\(shippedNames.joined(separator: ", "))) nor a file"
                    )
                }
                nextURL = target
                nextDisplay = extends.value
            }
        }
        return try resolve(layers)
    }

    /// Parses ruleset text on its own, as a test or `curator rules` does.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> Ruleset {
        try resolve([try Layer(path: path, text: text)])
    }

    /// One YAML file of the chain, outermost last.
    struct Layer {
        var path: String
        var node: Node
        var extends: (value: String, line: Int, column: Int)?
        /// The text of a layer whose node tree was composed at build time, which carries no marks:
        /// composed again to place an error in it.
        var unmarkedSource: String?

        init(path: String, text: String) throws(ConfigError) {
            try self.init(path: path, composed: Self.compose(text, path: path), source: nil)
        }

        /// A layer from the node tree of `source` (nil for an empty document), composed as
        /// `init(path:text:)` composes it; `source` is kept when the tree has no marks.
        init(path: String, composed: Node?, source: String?) throws(ConfigError) {
            try self.init(path: path, node: composed ?? RulesetLoader.emptyMapping, source: source)
        }

        /// The node tree with marks: the layer's own, or its source's composed again.
        var markedNode: Node {
            guard let unmarkedSource, let composed = try? Self.compose(unmarkedSource, path: path) else { return node }
            return composed
        }

        static func compose(_ text: String, path: String) throws(ConfigError) -> Node? {
            do {
                // No implicit tag resolution: the reader converts scalars itself and tells a merge
                // key by its plain `<<`, and Yams' default resolver would compile seven ICU regular
                // expressions and try them on every scalar of the ruleset.
                // Nor any constructor maps or a look at the environment for an encoding: naming
                // Yams' defaults builds the first and reads the second through Foundation.
                return try Yams.compose(yaml: text, .basic, RulesetLoader.bareConstructor, .utf8)
            } catch let error as YamlError {
                throw ConfigError(yamlError: error, path: path)
            } catch {
                throw ConfigError(path: path, message: "\(error)")
            }
        }

        private init(path: String, node: Node, source: String?) throws(ConfigError) {
            self.path = path
            unmarkedSource = source
            guard let mapping = node.mapping else {
                throw ConfigError(
                    path: path, line: node.mark?.line, column: node.mark?.column,
                    message: "expected a mapping of keys to values at the top level")
            }
            for key in mapping.keys {
                let name = key.string ?? ""
                if !RulesetLoader.knownTopLevelKeys.contains(name) {
                    throw ConfigError(
                        path: path, line: key.mark?.line, column: key.mark?.column,
                        message:
                            "unknown key '\(name)' (expected one of: \(RulesetLoader.knownTopLevelKeys.sorted().joined(separator: ", ")))"
                    )
                }
            }
            if let value = mapping["extends"] {
                guard let name = value.string else {
                    throw ConfigError(
                        path: path, line: value.mark?.line, column: value.mark?.column,
                        message: "'extends' expects a ruleset name or a path")
                }
                extends = (name, value.mark?.line ?? 0, value.mark?.column ?? 0)
            }
            self.node = node
        }
    }

    static func resolve(_ layers: [Layer]) throws(ConfigError) -> Ruleset {
        var merged = emptyMapping
        for layer in layers { merged = merge(merged, layer.node) }
        do {
            return try Ruleset(RulesetNode(merged))
        } catch {
            throw ConfigError(problem: error, layers: layers)
        }
    }

    /// A constructor with no maps: the reader converts scalars itself (see `RulesetNode`).
    static var bareConstructor: Constructor { Constructor([:], [:], [:]) }

    /// An empty mapping whose tag resolves without Yams' default resolver: naming that resolver
    /// (the default argument of every `Tag`) compiles its seven ICU regular expressions, the
    /// costliest step of reading a ruleset, and the reader never needs implicit tags.
    static var emptyMapping: Node { .mapping(.init([], Tag(.implicit, .basic, bareConstructor))) }

    /// Overlays `top` on `base`: mappings merge key by key, anything else is replaced.
    static func merge(_ base: Node, _ top: Node) -> Node {
        guard case .mapping(let baseMapping) = base, case .mapping(let topMapping) = top else { return top }
        var pairs: [(Node, Node)] = baseMapping.map { ($0.key, $0.value) }
        for (key, value) in topMapping {
            if let index = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[index].1 = merge(pairs[index].1, value)
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(.init(pairs, baseMapping.tag, baseMapping.style, topMapping.mark ?? baseMapping.mark))
    }
}

/// A configuration or ruleset that cannot be used: where, and what was expected. Exit status 2.
public struct ConfigError: PlacedError {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(yamlError: YamlError, path: String) {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            self.init(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            self.init(path: path, message: "invalid YAML: \(yamlError)")
        }
    }

    /// Places a problem found while reading the merged ruleset at the node it concerns, in the
    /// outermost file that sets it.
    init(problem: RulesetNode.Problem, layers: [RulesetLoader.Layer]) {
        let keyPath = problem.path.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }.joined(separator: ".")
        let message = "\(keyPath.isEmpty ? "" : "'\(keyPath)': ")\(problem.message)"
        for layer in layers.reversed() {
            if ConfigError.node(at: problem.path, in: layer.node) != nil,
                let node = ConfigError.node(at: problem.path, in: layer.markedNode)
            {
                self.init(path: layer.path, line: node.mark?.line, column: node.mark?.column, message: message)
                return
            }
        }
        self.init(path: layers.last?.path ?? "config", message: message)
    }

    private static func node(at path: [RulesetNode.Step], in root: Node) -> Node? {
        var current = root
        for step in path {
            switch step {
            case .index(let index):
                guard let sequence = current.sequence, index < sequence.count else { return nil }
                current = sequence[index]
            case .key(let key):
                guard let child = current.mapping?[key] else { return nil }
                current = child
            }
        }
        return current
    }
}
