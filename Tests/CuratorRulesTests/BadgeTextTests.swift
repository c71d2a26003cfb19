import CuratorCore
import Foundation
import Testing

@testable import CuratorRules

/// Badge texts are decoded and star badge URLs rendered by hand; Foundation's answers are the
/// reference.
@Suite struct BadgeTextTests {
    @Test(arguments: [
        "", "plain", "ICLR%2725", "a%20b", "%", "%2", "%zz", "%E2%98%85", "%E2%98", "%FF", "%41%42c", "100%",
        "x%2Dy", "é%20é", "%%41",
    ])
    func percentDecodingMatchesFoundation(text: String) {
        #expect(StaticBadge.percentDecoded(text) == text.removingPercentEncoding)
    }

    @Test(arguments: [
        "https://img.shields.io/github/stars/{owner}/{repo}.svg?style=social&label=Star", "{repo}{owner}", "{own}{",
        "no placeholders", "{owner}/{owner}", "",
    ])
    func starBadgeTemplateMatchesFoundation(template: String) {
        let repository = RepositoryName(owner: "Hsu1023", name: "DuQuant")!
        let expected = template.replacingOccurrences(of: "{owner}", with: repository.owner).replacingOccurrences(
            of: "{repo}", with: repository.name)
        #expect(repository.starBadgeImage(template: template) == expected)
    }
}
