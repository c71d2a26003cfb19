import Foundation
import Testing

@testable import CuratorCore

struct RulesetLoaderTests {
    /// Rule ids for the keys of `rules:`; CuratorCore does not know the rules, the command line
    /// passes the registry's (its tests check that).
    static let ruleIDs: Set<String> = ["trailing-space", "venue-label", "link-label"]

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
        let ruleset = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
        #expect(ruleset.star?.minStars == 5000)
        #expect(ruleset.rules?["trailing-space"] == "off")
        // Keys the config does not set come from the shipped ruleset.
        #expect(ruleset.formats.count == 4)
        #expect(ruleset.venues?.names.contains("NeurIPS") == true)
    }

    @Test func wrongTypeIsPlaced() throws {
        let url = try Self.write("extends: awesome-efficient-llm\nstar:\n  mark: \":star:\"\n  min-stars: lots\n")
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
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
            message: "'formats.0.columns.1': expected one of: paper, image, links, name, description, title, ignored"),
        WrongShape(
            config: "http: {hosts: {a.org: {concurrency: ↓many}}}\n",
            message: "'http.hosts.a.org.concurrency': expected a whole number"),
        WrongShape(config: "required-tags: [↓{file: a}]\n", message: "'required-tags.0': missing required key 'badge'"),
        // Strict at every depth: unknown keys with the closest known one.
        WrongShape(
            config: "venues:\n  ↓lable: \"{venue}\"\n",
            message: "unknown key 'lable' in 'venues' (did you mean 'label'?)"),
        WrongShape(config: "http: {↓timout: 5}\n", message: "unknown key 'timout' in 'http' (did you mean 'timeout'?)"),
        WrongShape(
            config: "formats:\n  - id: x\n    kind: table-row\n    ↓colums: [paper]\n",
            message: "unknown key 'colums' in 'formats.0' (did you mean 'columns'?)"),
        WrongShape(
            config: "http: {hosts: {a.org: {↓spaceing: 1}}}\n",
            message: "unknown key 'spaceing' in 'http.hosts.a.org' (did you mean 'spacing'?)"),
        WrongShape(config: "↓zzz: 1\n", message: "unknown key 'zzz' (expected one of: authors, badges,"),
        WrongShape(
            config: "rules:\n  ↓venue-lable: \"off\"\n",
            message: "'rules': unknown rule 'venue-lable' (did you mean 'venue-label'?)"),
        WrongShape(
            config: "rules: {venue-label: ↓blah}\n",
            message: "'rules.venue-label': expected one of: error, warning, info, off; found 'blah'"),
        WrongShape(
            config: "rules:\n  venue-label:↓ \n  trailing-space: \"off\"\n",
            message: "'rules.venue-label': expected one of: error, warning, info, off; found ''"),
        WrongShape(
            config: "rules: {venue-label: ↓warn}\n",
            message:
                "'rules.venue-label': expected one of: error, warning, info, off; found 'warn' (did you mean 'warning'?)"
        ),
        WrongShape(
            config: "venues: {label: ↓\"{venue}'{yyy}\"}\n",
            message:
                "'venues.label': unknown placeholder '{yyy}' (did you mean '{yy}'?); the placeholders are {venue}, {yy}"
        ),
        WrongShape(
            config: "propose: {figure: ↓'x/{ID}.png'}\n",
            message: "'propose.figure': unknown placeholder '{ID}' (did you mean '{id}'?)"),
        WrongShape(
            config: "formats:\n  - id: x\n    kind: ↓bulet\n",
            message: "'formats.0.kind': expected one of: table-row, bullet; found 'bulet' (did you mean 'bullet'?)"),
        WrongShape(
            config: "propose: {insert: {topic: ↓bottm}}\n",
            message: "'propose.insert.topic': expected one of: top, bottom; found 'bottm' (did you mean 'bottom'?)"),
        // Values a reader would take but nothing can use.
        WrongShape(
            config: "http: {concurrency: ↓0}\n",
            message: "'http.concurrency': expected a whole number of at least 1, found 0"),
        WrongShape(
            config: "http: {concurrency: ↓-1}\n",
            message: "'http.concurrency': expected a whole number of at least 1, found -1"),
        WrongShape(
            config: "star: {mark: x, min-stars: ↓-5}\n",
            message: "'star.min-stars': expected a whole number of at least 0, found -5"),
        WrongShape(
            config: "http: {timeout: ↓.nan}\n", message: "'http.timeout': expected a finite number above 0, found .nan"),
        WrongShape(
            config: "http: {timeout: ↓-1}\n", message: "'http.timeout': expected a finite number above 0, found -1"),
        WrongShape(
            config: "http: {timeout: ↓.inf}\n", message: "'http.timeout': expected a finite number above 0, found .inf"),
        WrongShape(
            config: "http: {timeout: ↓0}\n", message: "'http.timeout': expected a finite number above 0, found 0"),
        WrongShape(
            config: "http: {per-host: {spacing: ↓-0.5}}\n",
            message: "'http.per-host.spacing': expected a finite number at least 0, found -0.5"),
        WrongShape(
            config: "http: {retries: ↓-1}\n", message: "'http.retries': expected a whole number of at least 0, found -1"
        ),
        // Edits of an inherited list.
        WrongShape(
            config: "venues: {names: {↓ad: [X]}}\n",
            message:
                "'venues.names': expected a list, or a mapping of 'add' and 'remove' to edit the inherited list; found key 'ad' (did you mean 'add'?)"
        ),
        WrongShape(
            config: "venues: {names: {add: ↓X}}\n", message: "'venues.names.add': expected a list"),
        WrongShape(
            config: "venues: {names: {remove: [↓NeurIPs]}}\n",
            message: "'venues.names.remove': 'NeurIPs' is not in the inherited list (did you mean 'NeurIPS'?)"),
        WrongShape(
            config: "formats: {remove: [↓paper-rows]}\n",
            message: "'formats.remove': 'paper-rows' is not in the inherited list (did you mean 'paper-row'?)"),
    ]

    @Test(arguments: wrongShapes)
    func wrongShapeIsPlacedAndNamed(_ shape: WrongShape) throws {
        let (config, marked) = ExampleRunner.stripMarkers(
            "extends: awesome-efficient-llm\n" + shape.config, path: ".curator.yml")
        let url = try Self.write(config)
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
            Issue.record("a wrong shape was accepted")
        } catch {
            #expect(error.path == ".curator.yml")
            #expect(error.line == marked.first?.line)
            #expect(error.column == marked.first?.column)
            #expect(error.message.hasPrefix(shape.message))
        }
    }

    static func load(_ config: String) throws -> Ruleset {
        try RulesetLoader.config(
            at: try write("extends: awesome-efficient-llm\n" + config), displayPath: ".curator.yml", ruleIDs: ruleIDs)
    }

    /// Mappings merge key by key: a config that sets one key of `venues` keeps the others.
    @Test func mappingsMergeKeyByKey() throws {
        let inherited = try RulesetLoader.shipped("awesome-efficient-llm")
        let ruleset = try Self.load("venues: {label: \"{venue} {yy}\"}\n")
        #expect(ruleset.venues?.label == "{venue} {yy}")
        #expect(ruleset.venues?.names == inherited.venues?.names)
        #expect(ruleset.venues?.journals == inherited.venues?.journals)
    }

    /// A list replaces the inherited one whole; `add` and `remove` edit it instead.
    @Test func listsReplaceUnlessEdited() throws {
        let inherited = try #require(try RulesetLoader.shipped("awesome-efficient-llm").venues?.names)
        #expect(try Self.load("venues: {names: [FOO]}\n").venues?.names == ["FOO"])
        let edited = try #require(
            try Self.load("venues:\n  names:\n    add: [FOO]\n    remove: [ICLR, SC]\n").venues?.names)
        #expect(edited == inherited.filter { $0 != "ICLR" && $0 != "SC" } + ["FOO"])
        #expect(try Self.load("venues: {names: {add: [FOO]}}\n").venues?.names == inherited + ["FOO"])
    }

    /// Items of a list of mappings are removed by their identifying key and added whole.
    @Test func listsOfMappingsAreEditedByTheirKey() throws {
        let ruleset = try Self.load(
            "formats:\n  remove: [leaderboard-row]\n  add:\n    - {id: extra, kind: bullet, files: [x.md], marker: \"-\"}\n"
        )
        #expect(ruleset.formats.map(\.id) == ["paper-row", "paper-bullet", "project-bullet", "extra"])
        let topics = try #require(try Self.load("propose: {topics: {remove: [survey]}}\n").propose?.topics)
        #expect(!topics.contains { $0.name == "survey" })
        #expect(topics.count == 12)
    }

    /// An edit inside a new list's item, or inside an added item, has nothing to edit and reads
    /// as the items it adds.
    @Test func editsInsideNewItemsReadAsLists() throws {
        let format = "{id: extra, kind: bullet, files: {add: [x.md]}, marker: \"-\"}"
        let replaced = try Self.load("formats: [\(format)]\n")
        #expect(replaced.formats.map(\.id) == ["extra"])
        #expect(replaced.formats.first?.files == ["x.md"])
        let added = try Self.load("formats: {add: [\(format)]}\n")
        #expect(added.formats.last?.files == ["x.md"])
    }

    /// An edit in a file that extends another file edits that file's merged list.
    @Test func editsApplyThroughAChainOfFiles() throws {
        let base = try Self.write(
            "extends: awesome-list\nvenues: {label: \"{venue}'{yy}\", names: [A, B]}\n", name: "base.yml")
        let config = base.deletingLastPathComponent().appendingPathComponent(".curator.yml")
        try "extends: ./base.yml\nvenues: {names: {add: [C], remove: [A]}}\n".write(
            to: config, atomically: true, encoding: .utf8)
        let ruleset = try RulesetLoader.config(at: config, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
        #expect(ruleset.venues?.names == ["B", "C"])
    }

    /// An unknown key in a file that is extended is placed in that file.
    @Test func anErrorInAnExtendedFileNamesThatFile() throws {
        let base = try Self.write("extends: awesome-list\nhttp: {timout: 3}\n", name: "base.yml")
        let config = base.deletingLastPathComponent().appendingPathComponent(".curator.yml")
        try "extends: ./base.yml\n".write(to: config, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) {
            try RulesetLoader.config(at: config, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
        }
        #expect(error?.description == "./base.yml:2:8: unknown key 'timout' in 'http' (did you mean 'timeout'?)")
    }

    /// Every shipped ruleset holds to the schema that user files are held to at load time.
    @Test(arguments: RulesetLoader.shippedNames)
    func shippedRulesetsHoldToTheSchema(name: String) throws {
        let text = try #require(RulesetLoader.shippedSource(name))
        let layer = try RulesetLoader.Layer(path: "rules/\(name).yml", text: text, ruleIDs: nil)
        #expect(!layer.editsLists, "a shipped ruleset is whole: it edits no inherited list")
    }

    @Test func suggestionsAreNearMisses() {
        #expect(Suggestion.closest(to: "lable", among: ["label", "names"]) == "label")
        #expect(Suggestion.closest(to: "timout", among: ["timeout", "retries"]) == "timeout")
        #expect(Suggestion.closest(to: "blah", among: RulesetSchema.severities) == nil)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
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
        let ruleset = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
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
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description.hasPrefix(".curator.yml:2:1: unknown key 'starr'"))
        }
    }

    @Test func invalidYAMLIsPlaced() throws {
        let url = try Self.write("extends: awesome-efficient-llm\nfiles: [unclosed\n")
        do {
            _ = try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
            Issue.record("invalid YAML was accepted")
        } catch {
            #expect(error.line != nil)
            #expect(error.message.contains("invalid YAML"))
        }
    }

    @Test func unknownExtendsIsAnError() throws {
        let url = try Self.write("extends: no-such-list\n")
        #expect(throws: ConfigError.self) {
            try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
        }
    }

    @Test func extendsCycleIsAnError() throws {
        let url = try Self.write("extends: ./.curator.yml\n")
        #expect(throws: ConfigError.self) {
            try RulesetLoader.config(at: url, displayPath: ".curator.yml", ruleIDs: Self.ruleIDs)
        }
    }
}
