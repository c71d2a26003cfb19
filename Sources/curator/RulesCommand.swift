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

    func run() throws {
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

/// The text `curator rules ID` prints, also used for the generated rule reference.
enum RuleDocumentation {
    static func render(_ description: RuleDescription) -> String {
        var lines = [
            "\(description.id) (\(description.severity.rawValue), \(description.scope.rawValue)\(description.corrections.isEmpty ? "" : ", fixable"))",
            "",
            description.summary,
            "",
            description.rationale,
        ]
        func block(_ title: String, _ examples: [String]) {
            guard !examples.isEmpty else { return }
            lines += ["", title]
            for example in examples {
                lines.append("")
                lines += example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        block("Triggers (↓ marks each finding):", description.triggering.map { "\($0.path):\n\($0.markdown)" })
        block("Does not trigger:", description.nonTriggering.map { "\($0.path):\n\($0.markdown)" })
        block("Fixes:", description.corrections.map { "\($0.before.markdown)\n→\n\($0.after)" })
        return lines.joined(separator: "\n")
    }
}
