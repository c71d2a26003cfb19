import CuratorTestSupport
import Foundation
import Testing

/// curator opens libxml2 only when the first arXiv feed arrives: linked, it and the ICU libraries
/// it needs cost every run about a millisecond of loading, and a missing libxml2 must only stop
/// the commands that read arXiv.
@Suite(.serialized) struct LazyLibxml2Tests {
    @Test(arguments: [["--help"], ["lint", "--offline", "fixtures/example-list"]])
    func offlineRunNeverLoadsLibxml2(arguments: [String]) throws {
        // LD_DEBUG=libs makes the dynamic loader report on stderr every library it looks for.
        let result = try CLI.run(arguments, in: Corpus.repositoryRoot, environment: ["LD_DEBUG": "libs"])
        #expect(result.status != 2, "curator \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        try #require(result.stderr.contains("find library="), "LD_DEBUG had no effect, so this test proves nothing")
        #expect(!result.stderr.contains("libxml2.so"))
    }

    /// An empty file named libxml2.so.2 first on the library path stands in for a missing
    /// libxml2; the arXiv double answers with a real feed, which cannot be read.
    @Test func missingLibxml2StopsAProposeWithStatus2() async throws {
        let arxiv = ArxivDouble(
            papers: [ArxivDoublePaper(id: "2507.01001", title: "A Paper", authors: [.init("Ann Lee")], summary: "S.")],
            spacing: .milliseconds(10))
        try await arxiv.start()
        defer { Task { await arxiv.stop() } }
        let directory = try CLI.temporaryDirectory()
        try Data().write(to: directory.appendingPathComponent("libxml2.so.2"))
        try "# List\n".write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)

        let result = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm", "2507.01001"], in: directory,
            environment: ["LD_LIBRARY_PATH": directory.path, "ARXIV_API_URL": await arxiv.endpoint])

        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot load libxml2.so.2, which curator needs to read arXiv feeds"))
        #expect(result.stderr.contains("install the Debian package libxml2"))
        #expect(result.stdout.isEmpty)
        #expect(await arxiv.requests().count == 1)
    }
}
