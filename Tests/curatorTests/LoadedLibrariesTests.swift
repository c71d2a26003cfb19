#if os(Linux)
    import CuratorTestSupport
    import Foundation
    import Testing

    /// What the curator binary loads, as the dynamic loader itself reports it (`LD_DEBUG=files`,
    /// glibc's): the binary names only the C and C++ runtime (and, in the debug build the tests
    /// run, the shared Swift runtime); cmark-gfm and expat are inside it; an offline lint opens no
    /// library with dlopen; reading an arXiv feed needs no XML library.
    @Suite struct LoadedLibrariesTests {
        /// One line of the loader's report: `file=NAME [0];  needed by PATH [0]` or
        /// `file=NAME [0];  dynamically loaded by PATH [0]`.
        struct Load: Equatable {
            var file: String
            var dynamically: Bool
            var by: String
        }

        static func loads(_ report: String) -> [Load] {
            report.split(separator: "\n").compactMap { line in
                guard let start = line.range(of: "file="),
                    let end = line.range(of: " [", range: start.upperBound..<line.endIndex)
                else { return nil }
                let file = String(line[start.upperBound..<end.lowerBound])
                for (phrase, dynamically) in [(";  needed by ", false), (";  dynamically loaded by ", true)] {
                    guard let by = line.range(of: phrase) else { continue }
                    let rest = line[by.upperBound...]
                    return Load(file: file, dynamically: dynamically, by: String(rest.prefix { $0 != " " }))
                }
                return nil
            }
        }

        /// The C and C++ runtime every Linux has, and the Swift runtime of a build without
        /// `--static-swift-stdlib`.
        static func isRuntime(_ file: String) -> Bool {
            let system = ["libc.so.", "libm.so.", "libstdc++.so.", "libgcc_s.so.", "libz.so.", "ld-linux"]
            let swift = ["libswift", "libFoundation", "lib_Foundation", "libdispatch.so", "libBlocksRuntime.so"]
            return (system + swift).contains { file.hasPrefix($0) }
        }

        /// What the run itself printed on standard error, without the loader's report.
        static func messages(_ stderr: String) -> String {
            stderr.split(separator: "\n").filter { line in
                !(line.drop { $0 == " " }.prefix { $0 != ":" }.allSatisfy(\.isNumber) && line.contains(":\t"))
            }.joined(separator: "\n")
        }

        static let foreign = ["libcurl", "libxml2", "libexpat", "libcmark", "libicu"]

        @Test func anOfflineLintLoadsOnlyTheRuntimes() throws {
            let result = try CLI.run(
                ["lint", "--offline", "fixtures/example-list"], in: Corpus.repositoryRoot,
                environment: ["LD_DEBUG": "files"])
            #expect(result.status == 1, "\(Self.messages(result.stderr))")
            let loads = Self.loads(result.stderr)
            let direct = loads.filter { !$0.dynamically && $0.by.hasSuffix("/curator") }.map(\.file)
            try #require(!direct.isEmpty, "LD_DEBUG=files reported nothing, so this test proves nothing")
            for file in direct { #expect(Self.isRuntime(file), "curator needs \(file)") }
            #expect(loads.filter(\.dynamically) == [])
            for load in loads { #expect(!Self.foreign.contains { load.file.hasPrefix($0) }, "loaded \(load.file)") }
        }

        /// A propose reads a feed from the arXiv double: the only library it opens is libcurl
        /// (with what libcurl itself needs).
        @Test func readingAnArxivFeedOpensOnlyLibcurl() async throws {
            let arxiv = ArxivDouble(
                papers: [
                    ArxivDoublePaper(
                        id: "2507.01001", title: "A Quantization Paper", authors: [.init("Ann Lee")], summary: "S.")
                ],
                spacing: .milliseconds(10))
            try await arxiv.start()
            defer { Task { await arxiv.stop() } }
            let directory = try CLI.temporaryDirectory().appendingPathComponent("list")
            try FileManager.default.copyItem(
                at: Corpus.repositoryRoot.appendingPathComponent("fixtures/example-list"), to: directory)

            let result = try await RefreshCLI.run(
                ["propose", "--ruleset", "awesome-efficient-llm", "2507.01001"], in: directory,
                environment: [
                    "LD_DEBUG": "files", "ARXIV_API_URL": await arxiv.endpoint,
                    // Nothing else is asked; were it, it would fail here instead of going out.
                    "GITHUB_API_URL": "http://127.0.0.1:9", "GITHUB_GRAPHQL_URL": "http://127.0.0.1:9",
                    "SEMANTIC_SCHOLAR_API_URL": "http://127.0.0.1:9",
                ])

            #expect(result.status == 0, "\(Self.messages(result.stderr))")
            #expect(result.stdout.contains("A Quantization Paper"))
            let opened = Self.loads(result.stderr).filter(\.dynamically).map(\.file)
            #expect(opened == ["libcurl.so.4"])
            for file in Self.loads(result.stderr).map(\.file) {
                #expect(!file.hasPrefix("libxml2") && !file.hasPrefix("libexpat"), "loaded \(file)")
            }
        }
    }
#endif
