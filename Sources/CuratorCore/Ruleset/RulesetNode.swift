import Yams

/// A node of the merged ruleset YAML and the keys and indices that lead to it from the root.
///
/// Rulesets are read by plain code over `Yams.Node` rather than through `Decodable`: decoding with
/// `YAMLDecoder` made the runtime resolve protocol conformances and instantiate generic metadata
/// for the first time on every run, each lookup a scan over all the conformance records of the
/// static binary, and that was about a sixth of the CPU time of linting a one-line list. The path
/// places a value of the wrong shape in the file that set it (see `ConfigError.init(problem:layers:)`).
///
/// Scalars are converted as `YAMLDecoder` converted them, through Yams' own `construct(from:)`, so
/// a config that was read before reads the same now: `5_000` and `0x10` are whole numbers, `yes`
/// is true, a quoted `"5"` is only a string, and any scalar is a string.
struct RulesetNode {
    /// One step from a mapping to the value of a key, or from a list to one of its items.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// A value of the wrong shape or a missing required key, and where it is.
    struct Problem: Error {
        var path: [Step]
        var message: String
    }

    let node: Node
    let path: [Step]

    init(_ node: Node, path: [Step] = []) {
        self.node = node
        self.path = path
    }

    func expected(_ what: String) -> Problem {
        Problem(path: path, message: "expected \(what)")
    }

    func string() throws(Problem) -> String {
        guard case .scalar(let scalar) = node else { throw expected("a string") }
        return scalar.string
    }

    func int() throws(Problem) -> Int {
        guard case .scalar(let scalar) = node,
            let value = Self.isPlainDecimal(scalar, fraction: false) ? Int(scalar.string) : Int.construct(from: scalar)
        else {
            throw expected("a whole number")
        }
        return value
    }

    func double() throws(Problem) -> Double {
        guard case .scalar(let scalar) = node,
            let value = Self.isPlainDecimal(scalar, fraction: true)
                ? Double(scalar.string) : Double.construct(from: scalar)
        else {
            throw expected("a number")
        }
        return value
    }

    /// Whether a scalar is an unquoted decimal such as `20`, `-3` or `0.5` (with `fraction`), which
    /// Yams' `construct(from:)` reads exactly as the standard library's initializers do.
    ///
    /// Why: Yams strips `_` with Foundation's `replacingOccurrences`, whose first use in a process
    /// costs a fraction of a millisecond; every number of the shipped rulesets is of this plain
    /// form. A leading zero (octal in YAML 1.1), `0x`, `_`, `:` and `.inf` still go to Yams.
    static func isPlainDecimal(_ scalar: Node.Scalar, fraction: Bool) -> Bool {
        guard scalar.style == .any || scalar.style == .plain else { return false }
        var bytes = Substring(scalar.string).utf8[...]
        let signed = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+")
        if signed { bytes = bytes.dropFirst() }
        guard let first = bytes.first, UInt8(ascii: "0")...UInt8(ascii: "9") ~= first else { return false }
        let whole = bytes.prefix { UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 }
        let rest = bytes.dropFirst(whole.count)
        // A whole number with a leading zero is octal to Yams (and `-0` is nothing); `0.5` is plain.
        if first == UInt8(ascii: "0"), whole.count > 1 || (!fraction && signed) { return false }
        if rest.isEmpty { return true }
        guard fraction, rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy { UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 }
    }

    func bool() throws(Problem) -> Bool {
        guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
            throw expected("true or false")
        }
        return value
    }

    /// One of an enumeration's spellings, such as `table-row` for `EntryFormat.Kind`.
    func value<Value: RawRepresentable & CaseIterable>(_: Value.Type = Value.self) throws(Problem) -> Value
    where Value.RawValue == String {
        if case .scalar(let scalar) = node, let value = Value(rawValue: scalar.string) { return value }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .scalar(let scalar) = node else { throw expected("one of: \(allowed)") }
        throw expected("one of: \(allowed); found '\(scalar.string)'")
    }

    /// A list of an enumeration's spellings, such as the columns of a table format.
    func values<Value: RawRepresentable & CaseIterable>(_: Value.Type = Value.self) throws(Problem) -> [Value]
    where Value.RawValue == String {
        try list(expecting: "a list of strings") { item throws(Problem) in try item.value() }
    }

    /// A list whose items `read` converts; `what` names the list in the message when this is not one.
    func list<Element>(
        expecting what: String = "a list", _ read: (RulesetNode) throws(Problem) -> Element
    ) throws(Problem) -> [Element] {
        guard case .sequence(let sequence) = node else { throw expected(what) }
        var elements: [Element] = []
        elements.reserveCapacity(sequence.count)
        for (index, item) in sequence.enumerated() {
            elements.append(try read(RulesetNode(item, path: path + [.index(index)])))
        }
        return elements
    }

    func strings() throws(Problem) -> [String] {
        try list(expecting: "a list of strings") { item throws(Problem) in try item.string() }
    }

    /// A string that must be a regular expression, checked here so that a broken one is reported
    /// at its own line and column instead of only by its key.
    func pattern() throws(Problem) -> String {
        let text = try string()
        do {
            _ = try Pattern(text)
        } catch {
            throw Problem(path: path, message: "expected a regular expression, found '\(text)'")
        }
        return text
    }

    func patterns() throws(Problem) -> [String] {
        try list(expecting: "a list of regular expressions") { item throws(Problem) in try item.pattern() }
    }

    /// A mapping whose keys are names of the list's choosing (rule ids, hosts, labels).
    func dictionary<Value>(_ read: (RulesetNode) throws(Problem) -> Value) throws(Problem) -> [String: Value] {
        var dictionary: [String: Value] = [:]
        for (key, value) in try fields().entries {
            dictionary[key] = try read(value)
        }
        return dictionary
    }

    func stringDictionary() throws(Problem) -> [String: String] {
        try dictionary { value throws(Problem) in try value.string() }
    }

    /// The keys and values of a mapping, to read a type's fields from.
    func fields() throws(Problem) -> Fields {
        guard case .mapping(let mapping) = node else { throw expected("a mapping") }
        return Fields(pairs: Fields.flattened(mapping), path: path)
    }

    /// The pairs of a mapping with keys as strings. Keys that are not scalars name nothing a
    /// ruleset reads, so they are left out, as `YAMLDecoder` left them out.
    struct Fields {
        let pairs: [(key: String, value: Node)]
        let path: [Step]

        /// Every key with its value, in the mapping's order; of a repeated key, the last value counts.
        var entries: [(key: String, value: RulesetNode)] {
            pairs.map { ($0.key, RulesetNode($0.value, path: path + [.key($0.key)])) }
        }

        /// The value of `key`; when the mapping repeats a key, the last one counts, as in Yams.
        func required(_ key: String) throws(Problem) -> RulesetNode {
            assertInSchema(key)
            guard let value = pairs.last(where: { $0.key == key })?.value else {
                throw Problem(path: path, message: "missing required key '\(key)'")
            }
            return RulesetNode(value, path: path + [.key(key)])
        }

        /// The value of `key`, or nil when the key is absent or its value is null (`~`, `null` or
        /// nothing), as `YAMLDecoder` read optional fields.
        func optional(_ key: String) -> RulesetNode? {
            assertInSchema(key)
            guard let value = pairs.last(where: { $0.key == key })?.value, !Self.isNull(value) else { return nil }
            return RulesetNode(value, path: path + [.key(key)])
        }

        /// A reader may only read keys that `RulesetSchema` describes, which the strict check and the
        /// reference come from; debug builds (the tests) stop at any other.
        private func assertInSchema(_ key: String) {
            assert(RulesetSchema.root.at(path)?.child(key) != nil, "'\(key)' under \(path) is not in RulesetSchema")
        }

        static func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        /// Resolves YAML merge keys (`<<: *defaults`), which `YAMLDecoder` honoured: the merged
        /// mappings' pairs come first, so the mapping's own pairs, found last, win, and of a list
        /// of merged mappings the earlier ones win.
        static func flattened(_ mapping: Node.Mapping) -> [(key: String, value: Node)] {
            var merged: [(key: String, value: Node)] = []
            var own: [(key: String, value: Node)] = []
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else { continue }
                // YAML reads a plain `<<` as a merge key, and a quoted one as a string.
                guard scalar.string == "<<", scalar.style == .plain else {
                    own.append((scalar.string, value))
                    continue
                }
                switch value {
                case .mapping(let mapping): merged += flattened(mapping)
                case .sequence(let sequence):
                    for case .mapping(let mapping) in sequence.reversed() { merged += flattened(mapping) }
                default: break
                }
            }
            return merged + own
        }
    }
}
