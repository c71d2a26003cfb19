import CuratorCore
import CuratorRules
import Foundation
import Testing

struct RegistryTests {
    /// The folder of the rule sources, found from this file's path.
    static let rulesSources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CuratorRules")

    @Test func everyRuleIDIsUniqueAndKebabCase() {
        let ids = BuiltInRules.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count, "duplicate rule ids: \(ids)")
        for id in ids {
            #expect(
                id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
        }
    }

    /// Every type in Sources/CuratorRules that declares conformance to a rule protocol is registered.
    @Test func everyRuleFileIsRegistered() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.rulesSources.path))
        var declared: Set<String> = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.rulesSources.appendingPathComponent(path), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"struct\s+(\w+)\s*:\s*[^{]*\b(Entry)?Rule\b"#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { declared.insert(String(text[range])) }
            }
        }
        let registered = Set(BuiltInRules.all.map { String(describing: $0) })
        #expect(
            declared == registered,
            "declared but not registered: \(declared.subtracting(registered)); registered but not found: \(registered.subtracting(declared))"
        )
        #expect(!declared.isEmpty)
    }
}
