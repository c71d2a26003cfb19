import Foundation
import Testing

@testable import CuratorCore

/// Every check reads permission bits, which hold for root too (root ignores them when it writes),
/// so these tests mean the same when CI runs them as root.
struct AtomicWriterTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curator-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func file(_ name: String, in directory: URL, _ text: String, mode: Int = 0o644) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    static func mode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? -1
    }

    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    static func target(_ url: URL, _ text: String) -> AtomicWriter.Target {
        AtomicWriter.Target(url: url, display: url.lastPathComponent, bytes: Array(text.utf8))
    }

    @Test func replacesTheFileKeepingItsModeAndLeavesNothingElse() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try Self.file("list.md", in: directory, "old\n", mode: 0o640)
        try AtomicWriter.write(Array("new\n".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
        #expect(try Self.mode(url) == 0o640)
        #expect(try Self.names(in: directory) == ["list.md"])
    }

    @Test func createsAFileThatDoesNotExist() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("report.txt")
        try AtomicWriter.write(Array("report\n".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "report\n")
        #expect(try Self.names(in: directory) == ["report.txt"])
    }

    @Test func aReadOnlyFileIsRefusedWithItsPath() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try Self.file("list.md", in: directory, "old\n", mode: 0o444)
        let error = #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.write([Self.target(url, "new\n")])
        }
        #expect(
            error?.description
                == "list.md: cannot write: the file is read-only (mode 444), so it is not replaced; nothing was written"
        )
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
        #expect(try Self.mode(url) == 0o444)
        #expect(try Self.names(in: directory) == ["list.md"])
    }

    /// A read-only folder among the targets stops the whole set before any file changes.
    @Test func aReadOnlyDirectoryStopsEveryWrite() throws {
        let directory = try Self.directory()
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: directory.appendingPathComponent("locked").path)
            try? FileManager.default.removeItem(at: directory)
        }
        let first = try Self.file("a.md", in: directory, "a\n")
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let second = try Self.file("b.md", in: locked, "b\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        let failure = #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.write([Self.target(first, "A\n"), Self.target(second, "B\n")])
        }
        #expect(failure?.path == "b.md")
        #expect(failure?.written == [])
        #expect(failure?.reason == "the directory \(locked.standardizedFileURL.path) is read-only")
        #expect(try String(contentsOf: first, encoding: .utf8) == "a\n")
        #expect(try String(contentsOf: second, encoding: .utf8) == "b\n")
        #expect(try Self.names(in: directory) == ["a.md", "locked"])
        #expect(try Self.names(in: locked) == ["b.md"])
    }

    /// When a rename fails after the checks passed, the files already renamed are named and no
    /// temporary file is left.
    @Test func aFailedRenameSaysWhatWasWritten() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Self.file("a.md", in: directory, "a\n")
        let second = try Self.file("b.md", in: directory, "b\n")
        var renames = 0
        let failure = #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.write([Self.target(first, "A\n"), Self.target(second, "B\n")]) { from, to in
                renames += 1
                if renames == 2 {
                    errno = EIO
                    return -1
                }
                return rename(from, to)
            }
        }
        #expect(failure?.description == "b.md: cannot write: \(String(cString: strerror(EIO))); already written: a.md")
        #expect(try String(contentsOf: first, encoding: .utf8) == "A\n")
        #expect(try String(contentsOf: second, encoding: .utf8) == "b\n")
        #expect(try Self.names(in: directory) == ["a.md", "b.md"])
    }

    @Test func aSymbolicLinkStaysALink() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = try Self.file("real.md", in: directory, "old\n")
        let link = directory.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try AtomicWriter.write(Array("new\n".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8) == "new\n")
        #expect(try Self.names(in: directory) == ["link.md", "real.md"])
    }
}
