import CuratorTestSupport
import Foundation
import Testing

struct FixAndChangesTests {
    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"

    static func fixableCount(_ json: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return findings.filter { $0["fix"] != nil }.count
    }

    /// `--fix` on a copy of the real list, then a second run finds nothing left to fix, and files
    /// without fixes keep their bytes.
    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
    func fixLeavesNothingFixableOnTheCorpus() throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let copy = try Corpus.temporaryCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try CLI.run(["lint", "--offline", "--format", "json", "."], in: copy)
        #expect(try Self.fixableCount(before.stdout) > 0)
        let fixed = try CLI.run(
            ["lint", "--offline", "--fix", "--ruleset", "awesome-efficient-llm", "--format", "json", "."], in: copy)
        #expect(fixed.status == 0 || fixed.status == 1, "\(fixed.stderr)")
        #expect(try Self.fixableCount(fixed.stdout) == 0)
        let again = try CLI.run(["lint", "--offline", "--format", "json", "."], in: copy)
        #expect(try Self.fixableCount(again.stdout) == 0)
        // No temporary files are left beside the lists.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: copy.path).filter {
            $0.contains(".curator-")
        }
        #expect(leftovers.isEmpty)
    }

    /// Only the entries changed since the revision are reported, while the rules still see the
    /// whole file.
    @Test func changedSinceReportsOnlyChangedEntries() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"] + arguments
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        let old = Self.header + "| [Old](https://arxiv.org/abs/2401.00001) <br> A | | |  \n"
        let file = directory.appendingPathComponent("pruning.md")
        try old.write(to: file, atomically: true, encoding: .utf8)
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "start")
        try (old + "| [New](https://arxiv.org/abs/2401.00002) <br> B | | |  \n").write(
            to: file, atomically: true, encoding: .utf8)
        let all = try CLI.run(["lint", "--offline", "--format", "json", "."], in: directory)
        let changed = try CLI.run(
            ["lint", "--offline", "--format", "json", "--changed-since", "HEAD", "."], in: directory)
        func lines(_ json: String) throws -> Set<Int> {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return Set((object?["findings"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int })
        }
        #expect(try lines(all.stdout).contains(3))
        #expect(try lines(changed.stdout) == [4])

        // A copy added above an old row: the duplicate is reported on the old row, which did not
        // change, because the finding names the new copy as a related place.
        let copy = "| [Old, again](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
        try (Self.header + copy + old.dropFirst(Self.header.count)).write(to: file, atomically: true, encoding: .utf8)
        let duplicated = try CLI.run(
            ["lint", "--offline", "--format", "json", "--changed-since", "HEAD", "."], in: directory)
        let object = try JSONSerialization.jsonObject(with: Data(duplicated.stdout.utf8)) as? [String: Any]
        let rules = (object?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        let places = (object?["findings"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
        #expect(rules.contains("duplicate-paper"))
        #expect(places.contains(4))
    }
}
