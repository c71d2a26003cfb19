import Foundation
import Yams

/// Finds and reads rulesets: the shipped ones compiled into the binary, and a list's own
/// `.curator.yml`, which `extends` a shipped ruleset (or a path) and overrides any key.
public enum RulesetLoader {
    /// The names of the rulesets compiled into this binary, from `rules/*.yml`.
    public static var shippedNames: [String] { EmbeddedRulesets.sources.keys.sorted() }

    /// The YAML text of a shipped ruleset.
    public static func shippedSource(_ name: String) -> String? { EmbeddedRulesets.sources[name] }

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
        guard let node = EmbeddedRulesets.node(name) else { return try Layer(path: path, text: source, ruleIDs: nil) }
        return try Layer(path: path, composed: node, source: source)
    }

    /// Loads a config file and the chain of rulesets it extends.
    ///
    /// Each file of the chain is held to `RulesetSchema` on its own, so that an error names the file
    /// that has it; `ruleIDs` are the ids that the keys of `rules:` may name.
    public static func config(at url: URL, displayPath: String, ruleIDs: Set<String>) throws(ConfigError) -> Ruleset {
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
            let layer = try Layer(path: nextDisplay, text: text, ruleIDs: ruleIDs)
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

    /// Parses ruleset text on its own, as a test does; the keys of `rules:` are checked against
    /// `ruleIDs` when given.
    public static func parse(_ text: String, path: String, ruleIDs: Set<String>? = nil) throws(ConfigError) -> Ruleset {
        try resolve([try Layer(path: path, text: text, ruleIDs: ruleIDs)])
    }

    /// A shipped ruleset with `text`, a config's keys, laid over it, as a `.curator.yml` that
    /// says `extends: NAME` is; rule examples use it for settings no shipped ruleset has.
    public static func layered(over name: String, _ text: String, path: String) throws(ConfigError) -> Ruleset {
        guard let source = shippedSource(name) else { return try shipped(name) }
        return try resolve([try shippedLayer(name, source: source), try Layer(path: path, text: text, ruleIDs: nil)])
    }

    /// One YAML file of the chain, outermost last.
    struct Layer {
        var path: String
        var node: Node
        var extends: (value: String, line: Int, column: Int)?
        /// The text of a layer whose node tree was composed at build time, which carries no marks:
        /// composed again to place an error in it.
        var unmarkedSource: String?
        /// Whether the layer edits an inherited list with `add:` or `remove:`.
        var editsLists = false

        /// A file's layer, held to `RulesetSchema` (see `SchemaChecker`).
        init(path: String, text: String, ruleIDs: Set<String>?) throws(ConfigError) {
            try self.init(path: path, node: Self.compose(text, path: path) ?? RulesetLoader.emptyMapping, source: nil)
            var checker = SchemaChecker(file: path, ruleIDs: ruleIDs)
            try checker.check(node)
            editsLists = checker.editsLists
        }

        /// A shipped ruleset's layer from the node tree of `source` (nil for an empty document),
        /// composed as `init(path:text:ruleIDs:)` composes it; `source` is kept when the tree has no
        /// marks. It is not checked again on every run: a test holds every shipped ruleset to
        /// `RulesetSchema`.
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
        for layer in layers {
            merged = try merge(merged, layer.node, editing: layer.editsLists ? RulesetSchema.root : nil, in: layer.path)
        }
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

    /// Overlays `top` on `base`: mappings merge key by key; scalars and lists replace what they
    /// override. A list's `{add: [...], remove: [...]}` edits the inherited list instead: the
    /// removed items go (a mapping item by its identifying key, such as a format's `id`), the added
    /// ones are appended.
    ///
    /// - Parameter schema: the shape of `top`, for a layer that edits lists; nil for any other, which
    ///   is then merged without looking below the keys it sets.
    static func merge(
        _ base: Node?, _ top: Node, editing schema: SchemaValue?, in file: String, path: [String] = []
    ) throws(ConfigError) -> Node {
        if case .list(let item, let identity)? = schema {
            switch top {
            case .mapping(let edits):
                return try edit(base, with: edits, item: item, identity: identity, in: file, path: path)
            case .sequence(let sequence):
                // A new list replaces the inherited one; an edit inside one of its items has
                // nothing to edit and reads as the items it adds.
                let items = try resolved(Array(sequence), item: item, in: file, path: path)
                return .sequence(.init(items, sequence.tag, sequence.style, sequence.mark))
            default: return top
            }
        }
        guard case .mapping(let topMapping) = top else { return top }
        guard case .mapping(let baseMapping)? = base else {
            guard schema != nil else { return top }
            return try merge(emptyMapping, top, editing: schema, in: file, path: path)
        }
        var pairs: [(Node, Node)] = baseMapping.map { ($0.key, $0.value) }
        for (key, value) in topMapping {
            let child = key.string.flatMap { schema?.child($0) }
            let childPath = path + [key.string ?? ""]
            if let index = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[index].1 = try merge(pairs[index].1, value, editing: child, in: file, path: childPath)
            } else {
                pairs.append((key, try merge(nil, value, editing: child, in: file, path: childPath)))
            }
        }
        return .mapping(.init(pairs, baseMapping.tag, baseMapping.style, topMapping.mark ?? baseMapping.mark))
    }

    /// The inherited list `base` with `edits` applied. Removing an item the list does not have is
    /// an error, since it is a misspelling or a stale config.
    private static func edit(
        _ base: Node?, with edits: Node.Mapping, item: SchemaValue, identity: String?, in file: String,
        path: [String]
    ) throws(ConfigError) -> Node {
        var items = base?.sequence.map { Array($0) } ?? []
        func name(_ item: Node) -> String? {
            guard let identity, case .mapping(let mapping) = item else { return item.string }
            return mapping[identity]?.string
        }
        for removed in edits["remove"]?.sequence ?? [] {
            let wanted = removed.string ?? ""
            guard items.contains(where: { name($0) == wanted }) else {
                let suggestion = Suggestion.closest(to: wanted, among: items.compactMap(name))
                throw ConfigError(
                    path: file, line: removed.mark?.line, column: removed.mark?.column,
                    message: "'\((path + ["remove"]).joined(separator: "."))': '\(wanted)' is not in the inherited list"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
            }
            items.removeAll { name($0) == wanted }
        }
        items += try resolved(edits["add"]?.sequence.map { Array($0) } ?? [], item: item, in: file, path: path)
        return .sequence(
            .init(items, base?.sequence?.tag ?? Tag(.implicit, .basic, bareConstructor), .block, edits.mark))
    }

    /// New list items with any list edits inside them resolved against nothing.
    private static func resolved(_ items: [Node], item: SchemaValue, in file: String, path: [String])
        throws(ConfigError) -> [Node]
    {
        var result: [Node] = []
        for (index, element) in items.enumerated() {
            result.append(try merge(nil, element, editing: item, in: file, path: path + [String(index)]))
        }
        return result
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
