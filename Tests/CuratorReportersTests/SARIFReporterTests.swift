import CuratorCore
import Foundation
import Testing

@testable import CuratorReporters

@Suite struct SARIFReporterTests {
    private let options = ReportOptions(
        toolVersion: "1.2.3",
        toolInformationURI: "https://example.org/curator",
        ruleHelpBaseURI: "https://example.org/curator/rules/"
    )

    @Test func logHasTheTopLevelPropertiesGitHubRequires() throws {
        let log = try decode(SARIFReporter(options: options).render(SampleReports.mixed))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func driverDescribesEveryRuleSortedById() throws {
        let run = try firstRun(SARIFReporter(options: options).render(SampleReports.mixed))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "curator")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == "https://example.org/curator")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["dead-link", "undescribed-rule", "venue-badge"])
        let deadLink = rules[0]
        #expect((deadLink["shortDescription"] as? [String: Any])?["text"] as? String == "Links must resolve.")
        #expect(
            (deadLink["fullDescription"] as? [String: Any])?["text"] as? String == "A dead link sends readers nowhere.")
        #expect((deadLink["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect(deadLink["helpUri"] as? String == "https://example.org/curator/rules/dead-link")
    }

    @Test func resultsCarryRuleLevelMessageLocationAndFingerprint() throws {
        let run = try firstRun(SARIFReporter(options: options).render(SampleReports.mixed))
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints[SARIFReporter.fingerprintKey]?.count == 16)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect(artifact["uri"] is String)
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] is Int)
            #expect(region["startColumn"] is Int)
        }
        let first = try #require(results.first)
        let region =
            (((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
                as? [String: Any])
        #expect(region?["startLine"] as? Int == 12)
        #expect(region?["startColumn"] as? Int == 5)
    }

    @Test func fixesBecomeByteRangeReplacements() throws {
        let run = try firstRun(SARIFReporter().render(SampleReports.mixed))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results[0]["fixes"] == nil)
        let fix = try #require((results[1]["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: Any])?["text"] as? String == "Remove the trailing space")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
        #expect(deleted["byteOffset"] as? Int == 120)
        #expect(deleted["byteLength"] as? Int == 1)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "")
    }

    @Test func optionalDriverPropertiesAreOmittedWhenUnknown() throws {
        let run = try firstRun(SARIFReporter().render(SampleReports.empty))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.allSatisfy { $0["helpUri"] == nil })
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    @Test func fingerprintsIgnoreLinesButSeparateTwins() {
        func finding(line: Int, message: String = "Duplicate entry.") -> Finding {
            Finding(
                location: SourceLocation(file: "README.md", line: line, column: 1),
                ruleID: "duplicate-entry",
                severity: .warning,
                message: message
            )
        }
        let before = FindingFingerprint.all([
            finding(line: 10), finding(line: 20), finding(line: 30, message: "Other."),
        ])
        let after = FindingFingerprint.all([finding(line: 14), finding(line: 24), finding(line: 34, message: "Other.")])
        #expect(before == after)
        #expect(Set(before).count == 3)
    }

    @Test func fingerprintHashIsFNV1a() {
        #expect(FindingFingerprint.hex(FindingFingerprint.fnv1a64("")) == "cbf29ce484222325")
        #expect(FindingFingerprint.hex(FindingFingerprint.fnv1a64("a")) == "af63dc4c8601ec8c")
    }

    @Test(arguments: [
        ("README.md", "README.md"),
        ("./docs/list.md", "docs/list.md"),
        ("Generative Model/README.md", "Generative%20Model/README.md"),
        ("a#b.md", "a%23b.md"),
    ])
    func artifactURIsAreRelativeAndEncoded(path: String, uri: String) {
        #expect(SARIFReporter.uri(path) == uri)
    }

    private func decode(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func firstRun(_ text: String) throws -> [String: Any] {
        try #require((decode(text)["runs"] as? [[String: Any]])?.first)
    }
}
