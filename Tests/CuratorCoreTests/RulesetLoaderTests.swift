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

    /// A config with one value of the wrong shape, marked with `↓`, and what the message must say.
    struct WrongShape: Sendable, CustomTestStringConvertible {
        var config: String
        var message: String
        var testDescription: String { message }
    }

    static let wrongShapes: [WrongShape] = [
        WrongShape(config: "star: {mark: x, write: ↓maybe}\n", message: "'star.write': expected true or false"),
        WrongShape(config: "http: {timeout: ↓soon}\n", message: "'http.timeout': expected a number"),
        WrongShape(config: "star: {mark: ↓[x]}\n", message: "'star.mark': expected a string"),
        WrongShape(config: "star: ↓3\n", message: "'star': expected a mapping"),
        WrongShape(config: "exclude: ↓foo\n", message: "'exclude': expected a list of regular expressions"),
        WrongShape(
            config: "figures: {placeholder: ↓\"(unclosed\"}\n",
            message: "'figures.placeholder': expected a regular expression, found '(unclosed'"),
        WrongShape(
            config: "exclude: [\"ok\", ↓\"a**\"]\n", message: "'exclude.1': expected a regular expression, found 'a**'"),
        WrongShape(config: "formats: ↓{id: x}\n", message: "'formats': expected a list"),
        WrongShape(
            config: "formats:\n  - id: x\n    kind: ↓bulet\n",
            message: "'formats.0.kind': expected one of: table-row, bullet; found 'bulet'"),
        WrongShape(
            config: "formats:\n  - id: x\n    kind: table-row\n    columns: [paper, ↓picture]\n",
            message: "'formats.0.columns.1': expected one of: paper, image, links, name, description, ignored"),
        WrongShape(
            config: "http: {hosts: {a.org: {concurrency: ↓many}}}\n",
            message: "'http.hosts.a.org.concurrency': expected a whole number"),
        WrongShape(config: "required-tags: [↓{file: a}]\n", message: "'required-tags.0': missing required key 'badge'"),
    ]

    @Test(arguments: wrongShapes)
    func wrongShapeIsPlacedAndNamed(_ shape: WrongShape) throws {
        let (config, marked) = ExampleRunner.stripMarkers(
            "extends: awesome-efficient-llm\n" + shape.config, path: ".curator.yml")
        let url = try Self.write(config)
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
            Issue.record("a wrong shape was accepted")
        } catch {
            #expect(error.path == ".curator.yml")
            #expect(error.line == marked.first?.line)
            #expect(error.column == marked.first?.column)
            #expect(error.message.hasPrefix(shape.message))
        }
    }

    /// YAML's own spellings read as YAML means them: numbers with underscores or in hex, `yes`, null
    /// for an absent optional, anchors and merge keys.
    @Test func yamlSpellingsAreRead() throws {
        let url = try Self.write(
            """
            extends: awesome-list
            description: ~
            star: {mark: x, write: yes, min-stars: 1_000, far-below: .5}
            http:
              concurrency: 0x10
              hosts:
                slow.org: &slow {concurrency: 2, spacing: 1.5}
                also-slow.org: *slow
                partly-slow.org:
                  <<: *slow
                  concurrency: 3

            """)
        let ruleset = try RulesetLoader.config(at: url, displayPath: ".curator.yml")
        #expect(ruleset.description == nil)
        #expect(ruleset.star?.write == true)
        #expect(ruleset.star?.minStars == 1000)
        #expect(ruleset.star?.farBelow == 0.5)
        #expect(ruleset.http?.concurrency == 16)
        #expect(ruleset.http?.hosts?["also-slow.org"]?.spacing == 1.5)
        #expect(ruleset.http?.hosts?["partly-slow.org"]?.concurrency == 3)
        #expect(ruleset.http?.hosts?["partly-slow.org"]?.spacing == 1.5)
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
