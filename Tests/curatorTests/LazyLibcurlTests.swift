import CuratorTestSupport
import Foundation
import Testing

/// curator loads libcurl only when a command first needs the network: the dynamic loader's work
/// for libcurl and its dependencies is a sizeable share of a short offline run, and a missing
/// libcurl must only stop the commands that need it.
struct LazyLibcurlTests {
    @Test(arguments: [["--help"], ["lint", "--offline", "fixtures/example-list"]])
    func offlineRunNeverLoadsLibcurl(arguments: [String]) throws {
        // LD_DEBUG=libs makes the dynamic loader report on stderr every library it looks for.
        let result = try CLI.run(arguments, in: Corpus.repositoryRoot, environment: ["LD_DEBUG": "libs"])
        #expect(result.status != 2, "curator \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        try #require(result.stderr.contains("find library="), "LD_DEBUG had no effect, so this test proves nothing")
        #expect(!result.stderr.contains("libcurl.so"))
    }

    /// An empty file named libcurl.so.4 first on the library path stands in for a broken or
    /// missing libcurl. The list has no links, so the run stays offline even if libcurl loaded.
    @Test func missingLibcurlStopsANetworkRunWithStatus2() throws {
        let directory = try CLI.temporaryDirectory()
        try Data().write(to: directory.appendingPathComponent("libcurl.so.4"))
        try "# List\n".write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["lint", "--no-cache", "pruning.md"], in: directory, environment: ["LD_LIBRARY_PATH": directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot load libcurl.so.4"))
        #expect(result.stderr.contains("install the Debian package libcurl4 (or libcurl4-openssl-dev)"))
        #expect(result.stdout.isEmpty)
    }
}
