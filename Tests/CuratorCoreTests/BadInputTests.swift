import CuratorCore
import Foundation
import Testing

/// Input that cannot be read ends in an error that says where, never a crash.
struct BadInputTests {
    @Test func invalidUTF8IsPlaced() {
        var bytes = Array("# Title\nok line\nbad: ".utf8)
        bytes += [0xC3, 0x28]
        #expect(throws: InputError.self) { try Document(path: "x.md", bytes: bytes) }
        do {
            _ = try Document(path: "x.md", bytes: bytes)
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 6)
            #expect(error.description == "x.md:3:6: invalid UTF-8")
        }
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(throws: InputError.self) { try Document(path: "x.md", bytes: bad) }
        }
    }

    @Test func binaryFileIsRefused() {
        do {
            _ = try Document(path: "logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
            Issue.record("a binary file was accepted")
        } catch {
            #expect(error.message.contains("binary"))
        }
    }

    @Test func tenMegabyteLineParses() throws {
        let line = "| [T](https://arxiv.org/abs/2401.00001) " + String(repeating: "a", count: 10_000_000) + " |\n"
        let document = try Document(path: "big.md", bytes: Array(line.utf8))
        #expect(document.source.lineCount == 1)
    }

    @Test func nonASCIIColumnsCountScalars() throws {
        let document = try Document(path: "x.md", bytes: Array("Dirk Wübben, ⭐ x".utf8))
        let offset = Array("Dirk Wübben, ⭐ ".utf8).count
        #expect(document.source.location(ofByte: offset) == (1, 16))
    }

    @Test func missingPathIsAnInputError() {
        let ruleset = try! CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        #expect(throws: InputError.self) {
            try Workspace(paths: ["does/not/exist"], ruleset: ruleset, workingDirectory: URL(fileURLWithPath: "/tmp"))
        }
    }

    @Test func directoryWithoutMarkdownIsAnInputError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("curator-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        do {
            _ = try Workspace(paths: [empty.path], ruleset: ruleset, workingDirectory: empty)
            Issue.record("an empty directory was accepted")
        } catch {
            #expect(error.message.contains("no list files"))
        }
    }
}
