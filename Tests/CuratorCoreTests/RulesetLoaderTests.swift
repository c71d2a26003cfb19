import CuratorCore
import Foundation
import Testing

struct RulesetLoaderTests {
    static func write(_ text: String, name: String = ".curator.yml") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curator-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: RulesetLoader.shippedNames)
    func shippedRulesetsLoad(name: String) throws {
        let ruleset = try RulesetLoader.shipped(name)
        #expect(ruleset.name == name)
        _ = try CompiledRuleset(ruleset)
    }

    @Test func configExtendsAndOverrides() throws {
        let url = try Self.write(
            "extends: awesome-efficient-llm\nstar:\n  mark: \":star:\"\n  min-stars: 5000\nrules:\n  trailing-space: \"off\"\n"
        )
        let ruleset = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
        #expect(ruleset.star?.minStars == 5000)
        #expect(ruleset.rules?["trailing-space"] == "off")
        // Keys the config does not set come from the shipped ruleset.
        #expect(ruleset.formats.count == 4)
        #expect(ruleset.venues?.names.contains("NeurIPS") == true)
    }

    @Test func wrongTypeIsPlaced() throws {
        let url = try Self.write("extends: awesome-efficient-llm\nstar:\n  mark: \":star:\"\n  min-stars: lots\n")
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
            Issue.record("a wrong type was accepted")
        } catch {
            #expect(error.path == ".curator.yml")
            #expect(error.line == 4)
            #expect(error.column == 14)
            #expect(error.message.contains("star.min-stars"))
            #expect(error.message.contains("whole number"))
        }
    }

    @Test func unknownKeyIsPlaced() throws {
        let url = try Self.write("extends: awesome-efficient-llm\nstarr: 3\n")
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description.hasPrefix(".curator.yml:2:1: unknown key 'starr'"))
        }
    }

    @Test func invalidYAMLIsPlaced() throws {
        let url = try Self.write("extends: awesome-efficient-llm\nfiles: [unclosed\n")
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
            Issue.record("invalid YAML was accepted")
        } catch {
            #expect(error.line != nil)
            #expect(error.message.contains("invalid YAML"))
        }
    }

    @Test func unknownExtendsIsAnError() throws {
        let url = try Self.write("extends: no-such-list\n")
        #expect(throws: ConfigError.self) { try RulesetLoader.config(at: url, displayPath: ".curator.yml") }
    }

    @Test func extendsCycleIsAnError() throws {
        let url = try Self.write("extends: ./.curator.yml\n")
        #expect(throws: ConfigError.self) { try RulesetLoader.config(at: url, displayPath: ".curator.yml") }
    }
}
