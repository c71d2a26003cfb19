import ArgumentParser
import CuratorCore
import CuratorRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one with its examples."
    )

    @Argument(help: "A rule id to explain.")
    var ruleID: String?

    @Flag(help: "Print the whole rule reference in markdown (docs/rules.md).")
    var reference = false

    @Flag(
        name: .customLong("config-reference"),
        help: "Print the reference of every config and ruleset key in markdown (docs/configuration.md).")
    var configReference = false

    func run() throws {
        if configReference {
            print(RulesetSchema.reference(), terminator: "")
            return
        }
        if reference {
            print(RuleDocumentation.reference(), terminator: "")
            return
        }
        guard let ruleID else {
            let width = BuiltInRules.all.map { $0.description.id.count }.max() ?? 0
            for rule in BuiltInRules.all {
                let description = rule.description
                let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = description.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                let fixable = description.corrections.isEmpty ? "" : " (fixable)"
                print("\(id)  \(severity)  \(description.summary)\(fixable)")
            }
            return
        }
        guard let rule = BuiltInRules.rule(id: ruleID) else {
            throw CuratorExit.input("no rule '\(ruleID)'; `curator rules` lists them")
        }
        print(RuleDocumentation.render(rule.description))
    }
}
