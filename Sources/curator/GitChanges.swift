import CuratorCore
import Foundation

/// The lines of each file that changed since a git revision, for `--changed-since`.
enum GitChanges {
    /// Changed (added or modified) line numbers per display path, from `git diff --unified=0`.
    /// Files git does not track yet count as wholly changed.
    static func changedLines(since revision: String, workingDirectory: URL) throws -> [String: Set<Int>] {
        let topLevel = try git(["rev-parse", "--show-toplevel"], in: workingDirectory).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: topLevel)
        let diff = try git(["diff", "--unified=0", "--no-color", "--no-ext-diff", revision, "--", "."], in: root)
        var result: [String: Set<Int>] = [:]
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let path = line.dropFirst(4)
                current =
                    path == "/dev/null"
                    ? nil
                    : Workspace.relativePath(
                        of: root.appendingPathComponent(String(path.dropFirst(2))), to: workingDirectory)
            } else if line.hasPrefix("@@"), let current {
                // @@ -a,b +c,d @@: lines c ..< c+d of the new file changed (d defaults to 1).
                let parts = line.split(separator: " ")
                guard parts.count >= 3 else { continue }
                let added = parts[2].dropFirst().split(separator: ",")
                let start = Int(added[0]) ?? 0
                let count = added.count > 1 ? Int(added[1]) ?? 1 : 1
                if count > 0 { result[current, default: []].formUnion(start..<(start + count)) }
            }
        }
        let untracked = try git(["ls-files", "--others", "--exclude-standard"], in: root)
        for path in untracked.split(separator: "\n") {
            let display = Workspace.relativePath(of: root.appendingPathComponent(String(path)), to: workingDirectory)
            result[display] = Set(1...1_000_000)
        }
        return result
    }

    private static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CuratorExit.input("--changed-since: cannot run git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CuratorExit.input(
                "--changed-since: git \(arguments.first ?? "") failed: \(errorText.trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}
