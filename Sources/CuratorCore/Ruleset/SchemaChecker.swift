import Yams

/// Holds one ruleset or config file to `RulesetSchema`, before it is merged with the files it
/// extends, so that every error names the file, line and column that caused it.
///
/// Types are read by `RulesetNode`'s own conversions, so a value reads here exactly as the
/// readers in `Ruleset.swift` will read it; beyond the readers, this checks what a reader would
/// take silently: unknown keys, unknown rule ids, severities, placeholders, ranges of numbers, and
/// the `add:`/`remove:` form of a list.
struct SchemaChecker {
    /// The path of the file in messages.
    let file: String
    /// The rule ids of this binary, which the keys of `rules:` must be; nil leaves them unchecked
    /// (CuratorCore does not know the rules; the command line passes them).
    let ruleIDs: Set<String>?

    /// Whether the file edits an inherited list with `add:` or `remove:`, which the merge then
    /// resolves (see `RulesetLoader.merge`).
    private(set) var editsLists = false

    init(file: String, ruleIDs: Set<String>?) {
        self.file = file
        self.ruleIDs = ruleIDs
    }

    mutating func check(_ node: Node) throws(ConfigError) {
        try check(node, RulesetSchema.root, path: [])
    }

    private func error(_ node: Node, _ path: [String], _ message: String) -> ConfigError {
        let place = path.isEmpty ? "" : "'\(path.joined(separator: "."))': "
        return ConfigError(path: file, line: node.mark?.line, column: node.mark?.column, message: place + message)
    }

    /// Runs one of `RulesetNode`'s conversions and places its problem at the node.
    private func read<Value>(
        _ node: Node, _ path: [String], _ convert: (RulesetNode) throws(RulesetNode.Problem) -> Value
    ) throws(ConfigError) -> Value {
        do {
            return try convert(RulesetNode(node))
        } catch {
            throw self.error(node, path, error.message)
        }
    }

    /// - Parameter nullIsAbsent: false for the value of a key of the list's choosing, where a null
    ///   (`trailing-space:` with nothing after it) would read as an empty string, not as absent.
    private mutating func check(
        _ node: Node, _ shape: SchemaValue, path: [String], nullIsAbsent: Bool = true
    ) throws(ConfigError) {
        // An optional key set to null is absent, as the readers read it.
        if nullIsAbsent, RulesetNode.Fields.isNull(node) { return }
        switch shape {
        case .string:
            _ = try read(node, path) { node throws(RulesetNode.Problem) in try node.string() }
        case .pattern:
            _ = try read(node, path) { node throws(RulesetNode.Problem) in try node.pattern() }
        case .boolean:
            _ = try read(node, path) { node throws(RulesetNode.Problem) in try node.bool() }
        case .template(let placeholders):
            let text = try read(node, path) { node throws(RulesetNode.Problem) in try node.string() }
            for name in Self.placeholders(in: text) where !placeholders.contains(name) {
                let known = placeholders.map { "{\($0)}" }.joined(separator: ", ")
                let suggestion = Suggestion.closest(to: name, among: placeholders).map { " (did you mean '{\($0)}'?)" }
                throw error(
                    node, path, "unknown placeholder '{\(name)}'\(suggestion ?? ""); the placeholders are \(known)")
            }
        case .wholeNumber(let minimum):
            let value = try read(node, path) { node throws(RulesetNode.Problem) in try node.int() }
            guard value >= minimum else {
                throw error(node, path, "expected a whole number of at least \(minimum), found \(value)")
            }
        case .number(let minimum, let inclusive):
            let value = try read(node, path) { node throws(RulesetNode.Problem) in try node.double() }
            guard value.isFinite, inclusive ? value >= minimum : value > minimum else {
                let bound = inclusive ? "at least" : "above"
                throw error(
                    node, path,
                    "expected a finite number \(bound) \(Self.format(minimum)), found \(node.scalar?.string ?? "\(value)")"
                )
            }
        case .choice(let choices):
            guard case .scalar(let scalar) = node else {
                throw error(node, path, "expected one of: \(choices.joined(separator: ", "))")
            }
            guard choices.contains(scalar.string) else {
                let suggestion = Suggestion.closest(to: scalar.string, among: choices).map {
                    " (did you mean '\($0)'?)"
                }
                throw error(
                    node, path,
                    "expected one of: \(choices.joined(separator: ", ")); found '\(scalar.string)'\(suggestion ?? "")")
            }
        case .list(let item, let identity):
            try checkList(node, item: item, identity: identity, path: path)
        case .mapping(let keys, let others):
            guard case .mapping(let mapping) = node else { throw error(node, path, "expected a mapping") }
            try checkMapping(mapping, keys: keys, others: others, shape: shape, path: path)
        }
    }

    private mutating func checkList(
        _ node: Node, item: SchemaValue, identity: String?, path: [String]
    ) throws(ConfigError) {
        switch node {
        case .sequence(let sequence):
            for (index, element) in sequence.enumerated() {
                try check(element, item, path: path + [String(index)])
            }
        case .mapping(let mapping):
            // `{add: [...], remove: [...]}` edits the list this file inherits.
            editsLists = true
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard RulesetSchema.listEdits.contains(name) else {
                    let suggestion = Suggestion.closest(to: name, among: RulesetSchema.listEdits)
                    // A key near `add` or `remove` is a typo in an edit, placed at the key; any
                    // other mapping is not meant as an edit, and the whole value is wrong.
                    throw error(
                        suggestion == nil ? node : key, path,
                        "expected a list, or a mapping of 'add' and 'remove' to edit the inherited list; found key '\(name)'"
                            + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
                }
                guard case .sequence(let elements) = value else {
                    throw error(value, path + [name], "expected a list")
                }
                for (index, element) in elements.enumerated() {
                    let elementPath = path + [name, String(index)]
                    if name == "remove", let identity, case .mapping = item {
                        // Items of a list of mappings are removed by their identifying key.
                        guard case .scalar = element else {
                            throw error(element, elementPath, "expected the '\(identity)' of an inherited item")
                        }
                    } else {
                        try check(element, item, path: elementPath)
                    }
                }
            }
        default:
            throw error(node, path, Self.listExpectation(item))
        }
    }

    private mutating func checkMapping(
        _ mapping: Node.Mapping, keys: [SchemaKey], others: OtherKeys?, shape: SchemaValue, path: [String]
    ) throws(ConfigError) {
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { continue }
            // A plain `<<` merges the mappings it names (see `RulesetNode.Fields.flattened`).
            if scalar.string == "<<", scalar.style == .plain {
                switch value {
                case .mapping(let merged):
                    try checkMapping(merged, keys: keys, others: others, shape: shape, path: path)
                case .sequence(let merged):
                    for case .mapping(let each) in merged {
                        try checkMapping(each, keys: keys, others: others, shape: shape, path: path)
                    }
                default: break
                }
                continue
            }
            let name = scalar.string
            if let known = keys.first(where: { $0.name == name }) {
                try check(value, known.value, path: path + [name])
                continue
            }
            guard let others else {
                let suggestion = Suggestion.closest(to: name, among: keys.map(\.name))
                let context = path.isEmpty ? "" : " in '\(path.joined(separator: "."))'"
                let hint =
                    suggestion.map { " (did you mean '\($0)'?)" }
                    ?? " (expected one of: \(keys.map(\.name).sorted().joined(separator: ", ")))"
                throw error(key, [], "unknown key '\(name)'\(context)\(hint)")
            }
            if others.ruleIDs, let ruleIDs, !ruleIDs.contains(name) {
                let suggestion = Suggestion.closest(to: name, among: ruleIDs.sorted())
                throw error(
                    key, path,
                    "unknown rule '\(name)'"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "; `curator rules` lists them"))
            }
            try check(value, others.value, path: path + [name], nullIsAbsent: false)
        }
    }

    /// The names of the `{placeholder}`s in a template: letters, digits, `-` and `_` in braces.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !name.isEmpty, after.dropFirst(name.count).first == "}" { names.append(String(name)) }
            rest = after
        }
        return names
    }

    private static func listExpectation(_ item: SchemaValue) -> String {
        switch item {
        case .string, .template: "expected a list of strings"
        case .pattern: "expected a list of regular expressions"
        default: "expected a list"
        }
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}

/// The closest of a few names to a misspelt one, for "did you mean".
enum Suggestion {
    /// The candidate within a third of the name's length in edits (at least one), compared
    /// case-insensitively, of equally close ones the first; else the first candidate that the
    /// name (of three letters or more) begins, as `warn` begins `warning`.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowercased = name.lowercased()
        let wanted = Array(lowercased)
        let limit = max(1, wanted.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard best == nil, wanted.count >= 3 else { return best?.name }
        return candidates.first { $0.lowercased().hasPrefix(lowercased) }
    }

    /// Insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment),
    /// so that `lable` is one edit from `label`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            let beforePrevious = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }
}
