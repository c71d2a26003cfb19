import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorCore

/// docs/configuration.md is generated from `RulesetSchema`, the schema the loader holds every file
/// to; a stale copy fails here, and every example it shows must load.
struct ConfigurationReferenceTests {
    static let ruleIDs: Set<String> = ["trailing-space", "venue-label"]

    @Test func referenceIsCurrent() throws {
        let url = Corpus.repositoryRoot.appendingPathComponent("docs/configuration.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == RulesetSchema.reference(),
            "docs/configuration.md is stale: run `swift run curator rules --config-reference > docs/configuration.md`")
    }

    /// The reference's example of list edits does what the reference says.
    @Test func theListEditExampleLoads() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curator-edit-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: url) }
        try RulesetSchema.listEditExample.write(to: url, atomically: true, encoding: .utf8)
        let ruleset = try RulesetLoader.config(at: url, displayPath: "edit.yml", ruleIDs: Self.ruleIDs)
        let inherited = try RulesetLoader.shipped("awesome-efficient-llm")
        #expect(ruleset.venues?.names == (inherited.venues?.names ?? []).filter { $0 != "IVUS" } + ["ICLRW", "SIGIR"])
        #expect(ruleset.formats.map(\.id) == inherited.formats.map(\.id).filter { $0 != "leaderboard-row" })
    }

    /// Every key's example, nested as the reference shows it, passes the strict check.
    @Test func everyExampleHoldsToTheSchema() throws {
        var examples: [String] = []
        RulesetSchema.walk(RulesetSchema.topLevel, segments: []) { key, segments in
            examples.append(RulesetSchema.example(segments, key.example))
        }
        #expect(examples.count > 80)
        for example in examples {
            var checker = SchemaChecker(file: "example.yml", ruleIDs: Self.ruleIDs)
            let node = try #require(try RulesetLoader.Layer.compose(example, path: "example.yml"))
            #expect(throws: Never.self, "\(example)") { try checker.check(node) }
        }
    }

    /// A config that sets every key of the schema at once loads through the readers, which in a
    /// debug build stop at any key they read that the schema lacks.
    @Test func aConfigWithEveryKeyLoads() throws {
        let config =
            "extends: awesome-efficient-llm\n" + Self.everyKey(RulesetSchema.topLevel.filter { $0.name != "extends" })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curator-every-key-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: url) }
        try config.write(to: url, atomically: true, encoding: .utf8)
        let ruleset = try RulesetLoader.config(at: url, displayPath: "every-key.yml", ruleIDs: Self.ruleIDs)
        _ = try CompiledRuleset(ruleset)
        #expect(ruleset.cache?.maxAge == "36h")
        #expect(ruleset.http?.hosts?["huggingface.co"]?.spacing == 0.5)
        #expect(ruleset.formats.first?.marker == "*")
    }

    /// YAML that sets every key below `keys`: a mapping's keys in turn, one item of a list of
    /// mappings, one key of the list's choosing whose value is a mapping; other values are the
    /// keys' examples.
    static func everyKey(_ keys: [SchemaKey], indent: String = "") -> String {
        var text = ""
        for key in keys {
            switch key.value {
            case .mapping(let fixed, let others)
            where !fixed.isEmpty || others.map({ Self.isMapping($0.value) }) == true:
                text += "\(indent)\(key.name):\n" + everyKeyInside(key.value, indent: indent + "  ")
            case .list(.mapping(let fixed, _), _):
                let item = everyKey(fixed, indent: indent + "    ")
                text += "\(indent)\(key.name):\n\(indent)  - " + item.dropFirst(indent.count + 4)
            default:
                text += "\(indent)\(key.name): \(key.example)\n"
            }
        }
        return text
    }

    private static func everyKeyInside(_ value: SchemaValue, indent: String) -> String {
        guard case .mapping(let fixed, let others) = value else { return "" }
        var text = everyKey(fixed, indent: indent)
        if let others, case .mapping(let inner, _) = others.value {
            text += "\(indent)\(others.example):\n" + everyKey(inner, indent: indent + "  ")
        }
        return text
    }

    private static func isMapping(_ value: SchemaValue) -> Bool {
        if case .mapping = value { return true }
        return false
    }
}
