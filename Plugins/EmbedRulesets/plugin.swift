import Foundation
import PackagePlugin

/// Compiles every `rules/*.yml` of the package into the target as Swift string literals.
///
/// The shipped rulesets live once, at the top of the repository, where list maintainers read
/// them; embedding them at build time keeps the built binary usable from any directory.
@main
struct EmbedRulesets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
            .filter { $0.hasSuffix(".yml") }
            .sorted()
        let inputs = names.map { rulesDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulesets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) rulesets",
                executable: try context.tool(named: "EmbedRulesetsTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
