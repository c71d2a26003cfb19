import CuratorTestSupport
import Foundation
import Testing

/// The tree stays formatted with the one configuration at the root (`.swift-format`); a change that
/// is not fails here. `swift format format --in-place --recursive Sources Tests Plugins Package.swift`
/// fixes it.
struct FormattingTests {
    @Test func sourcesAreFormatted() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "format", "lint", "--strict", "--recursive", "Sources", "Tests", "Plugins", "Package.swift",
        ]
        process.currentDirectoryURL = Corpus.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "swift format lint found:\n\(output.prefix(4000))")
    }
}
