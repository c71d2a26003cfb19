import ArgumentParser
import CuratorTestSupport
import Foundation
import Testing

@testable import curator

/// The whole `--help` text of every command is part of the contract: a change to it shows up
/// here, next to the golden copy in fixtures/HelpTextTests/ that it must then be written into.
struct HelpTextTests {
    static let commands: [(name: String, command: any ParsableCommand.Type)] = [
        ("curator", Curator.self),
        ("lint", LintCommand.self),
        ("rules", RulesCommand.self),
        ("refresh", RefreshCommand.self),
        ("propose", ProposeCommand.self),
        ("discover", DiscoverCommand.self),
        ("init", InitCommand.self),
    ]

    static let goldenFolder = Corpus.repositoryRoot.appendingPathComponent("fixtures/HelpTextTests")

    @Test(arguments: commands.map(\.name))
    func helpTextIsTheGoldenCopy(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }?.command)
        let help = Curator.helpMessage(for: command, columns: 100)
        let golden = Self.goldenFolder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["CURATOR_WRITE_GOLDEN"] == "1" {
            try help.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(help == expected, "help of \(name) changed; rerun with CURATOR_WRITE_GOLDEN=1 and review the diff")
    }
}
