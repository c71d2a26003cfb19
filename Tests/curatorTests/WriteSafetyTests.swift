import CuratorTestSupport
import Foundation
import Testing

/// Writes that cannot lose a file: every target is checked before the first one changes, and a
/// read-only file is refused, never replaced. The checks read permission bits, so the tests hold
/// when CI runs them as root, who may write anything.
@Suite(.serialized) struct WriteSafetyTests {
    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
    /// A row with two fixable defects: a PDF link and a trailing space.
    static let fixable = header + "| [T](https://arxiv.org/pdf/2401.00001v2) <br> A | | |  \n"

    static func write(_ text: String, to url: URL, mode: Int = 0o644) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted()
    }

    /// A read-only folder among the files to fix: nothing is rewritten, and the folder is named.
    @Test func fixWithAReadOnlyFolderWritesNothing() throws {
        let list = try CLI.temporaryDirectory()
        let locked = list.appendingPathComponent("efficient_plm")
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path)
            try? FileManager.default.removeItem(at: list)
        }
        try Self.write(Self.fixable, to: list.appendingPathComponent("pruning.md"))
        try Self.write(Self.fixable, to: locked.appendingPathComponent("readme.md"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        let before = try Self.names(in: list)

        let result = try CLI.run(["lint", "--offline", "--fix", "--ruleset", "awesome-efficient-llm", "."], in: list)

        #expect(result.status == 2)
        #expect(result.stderr.contains("efficient_plm/readme.md: cannot write: the directory "), "\(result.stderr)")
        #expect(result.stderr.contains("is read-only; nothing was written"), "\(result.stderr)")
        #expect(try String(contentsOf: list.appendingPathComponent("pruning.md"), encoding: .utf8) == Self.fixable)
        #expect(try String(contentsOf: locked.appendingPathComponent("readme.md"), encoding: .utf8) == Self.fixable)
        #expect(try Self.names(in: list) == before, "no temporary file is left")
    }

    /// A file its owner made read-only (444) is refused with its path and keeps its bytes and mode.
    @Test func fixRefusesAReadOnlyFile() throws {
        let list = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: list) }
        let file = list.appendingPathComponent("pruning.md")
        try Self.write(Self.fixable, to: file, mode: 0o444)

        let result = try CLI.run(["lint", "--offline", "--fix", "--ruleset", "awesome-efficient-llm", "."], in: list)

        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "pruning.md: cannot write: the file is read-only (mode 444), so it is not replaced; nothing was written"
            ),
            "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.fixable)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o444)
        #expect(try Self.names(in: list) == ["pruning.md"])
    }

    /// `propose --write` changes the topic file and its README copy together or not at all.
    @Test func proposeWritesBothFilesOrNeither() async throws {
        let arxiv = ArxivDouble(
            papers: [
                ArxivDoublePaper(
                    id: "2507.01001", title: "One-Shot Pruning of Language Models", authors: [.init("Ann Lee")],
                    summary: "We prune language models.")
            ], spacing: .milliseconds(1))
        try await arxiv.start()
        defer { Task { await arxiv.stop() } }
        let row =
            "|[Old](https://arxiv.org/abs/2401.00001) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/x.png\"> |[Paper](https://arxiv.org/abs/2401.00001)|[//]: #06/17\n"
        let topic = "# Pruning\n\n" + Self.header + row
        let mirror = "# List\n\n## Network Pruning / Sparsity\n\n" + Self.header + row
        let list = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: list) }
        try Self.write(topic, to: list.appendingPathComponent("pruning.md"))
        try Self.write(mirror, to: list.appendingPathComponent("README.md"), mode: 0o444)

        let result = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm", "--write", "2507.01001"], in: list,
            environment: ["ARXIV_API_URL": await arxiv.endpoint])

        #expect(result.status == 2)
        #expect(result.stderr.contains("README.md: cannot write: the file is read-only"), "\(result.stderr)")
        #expect(try String(contentsOf: list.appendingPathComponent("pruning.md"), encoding: .utf8) == topic)
        #expect(try String(contentsOf: list.appendingPathComponent("README.md"), encoding: .utf8) == mirror)
        #expect(try Self.names(in: list) == ["README.md", "pruning.md"])

        // Made writable, the same command writes both.
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: list.appendingPathComponent("README.md").path)
        let written = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm", "--write", "2507.01001"], in: list,
            environment: ["ARXIV_API_URL": await arxiv.endpoint])
        #expect(written.status == 0, "\(written.stderr)")
        for file in ["pruning.md", "README.md"] {
            let text = try String(contentsOf: list.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("https://arxiv.org/abs/2507.01001"), "\(file)")
        }
    }
}
