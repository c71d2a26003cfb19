import CuratorCore
import CuratorRules
import Foundation
import Testing

/// Every example of every rule, as one parameterized test: triggering examples must produce a
/// finding exactly at each `↓`, non-triggering ones none, corrections the expected text.
struct RuleExampleTests {
    static let rules: [any Rule.Type] = BuiltInRules.all

    @Test("triggering examples find exactly the marked places", arguments: BuiltInRules.all.map(RuleCase.init))
    func triggering(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.type.init()
        #expect(!ruleCase.type.description.triggering.isEmpty, "\(ruleCase) has no triggering example")
        for example in ruleCase.type.description.triggering {
            let outcome = try ExampleRunner.run(rule, on: example)
            let found = outcome.findings.map {
                SourceLocation(file: $0.location.file, line: $0.location.line, column: $0.location.column)
            }
            #expect(
                found == outcome.expected,
                "\(ruleCase): expected findings at \(outcome.expected.map(\.description)), got \(outcome.findings.map { "\($0.location.description) \($0.message)" })",
                sourceLocation: Testing.SourceLocation(
                    fileID: example.file, filePath: example.file, line: example.line, column: 1))
            for finding in outcome.findings {
                #expect(finding.ruleID == ruleCase.type.description.id)
            }
        }
    }

    @Test("non-triggering examples find nothing", arguments: BuiltInRules.all.map(RuleCase.init))
    func nonTriggering(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.type.init()
        #expect(!ruleCase.type.description.nonTriggering.isEmpty, "\(ruleCase) has no non-triggering example")
        for example in ruleCase.type.description.nonTriggering {
            let outcome = try ExampleRunner.run(rule, on: example)
            #expect(
                outcome.findings.isEmpty,
                "\(ruleCase): expected no finding, got \(outcome.findings.map { "\($0.location.description) \($0.message)" })",
                sourceLocation: Testing.SourceLocation(
                    fileID: example.file, filePath: example.file, line: example.line, column: 1))
        }
    }

    @Test(
        "corrections produce the expected text, and fixed text triggers nothing fixable",
        arguments: BuiltInRules.all.map(RuleCase.init))
    func corrections(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.type.init()
        for correction in ruleCase.type.description.corrections {
            let outcome = try ExampleRunner.run(rule, on: correction.before, applyFixes: true)
            let location = Testing.SourceLocation(
                fileID: correction.before.file, filePath: correction.before.file, line: correction.before.line,
                column: 1)
            #expect(
                outcome.fixed == correction.after, "\(ruleCase): fix produced \(outcome.fixed ?? "nil")",
                sourceLocation: location)
            var again = correction.before
            again.markdown = correction.after
            let second = try ExampleRunner.run(rule, on: again)
            #expect(
                second.findings.allSatisfy { $0.fix == nil }, "\(ruleCase): something fixable is left",
                sourceLocation: location)
        }
    }
}

/// A rule type as a test argument, named by its id.
struct RuleCase: CustomTestStringConvertible, CustomStringConvertible, Sendable {
    let type: any Rule.Type
    init(_ type: any Rule.Type) { self.type = type }
    var description: String { type.description.id }
    var testDescription: String { type.description.id }
}
