import ArgumentParser
import CuratorCore
import CuratorRules
import Foundation

/// Options every command that reads a list takes.
struct SharedOptions: ParsableArguments {
    @Option(help: "The config file (default: .curator.yml found upward from the working directory).")
    var config: String?

    @Option(help: "Use a shipped ruleset without a config file.")
    var ruleset: String?

    @Option(help: "Write the report to this file instead of standard output (written atomically).")
    var output: String?

    func validate() throws {
        if namesConfigAndRuleset { throw ValidationError("--config and --ruleset exclude each other") }
    }
}

extension SharedOptions {
    /// Whether both `--config` and `--ruleset` are given, which exclude each other.
    var namesConfigAndRuleset: Bool { config != nil && ruleset != nil }

    /// Whether a config file or `--ruleset` says which format the list has, rather than the default.
    var choosesRuleset: Bool { ruleset != nil || configFile() != nil }

    var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The config file in use, if any: the one named, else `.curator.yml` upward from here.
    func configFile() -> URL? {
        if let config { return URL(fileURLWithPath: config, relativeTo: workingDirectory).standardizedFileURL }
        if ruleset != nil { return nil }
        var directory = workingDirectory.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(".curator.yml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The ruleset: from the config file, the named shipped ruleset, or the default one, which is
    /// named on standard error so that a list of another format does not pass unread in silence.
    func loadRuleset() throws -> (ruleset: CompiledRuleset, configDirectory: URL?) {
        do {
            if let file = configFile() {
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw CuratorExit.input("\(config ?? file.path): no such config file")
                }
                let display = Workspace.relativePath(of: file, to: workingDirectory)
                let ruleIDs = Set(BuiltInRules.all.map { $0.description.id })
                let ruleset = try RulesetLoader.config(at: file, displayPath: display, ruleIDs: ruleIDs)
                return (try CompiledRuleset(ruleset), file.deletingLastPathComponent())
            }
            if ruleset == nil { FileHandle.standardError.write(Data("curator: \(DefaultRuleset.assumedNote)\n".utf8)) }
            guard let ruleset, ruleset != DefaultRuleset.name else { return (try DefaultRuleset.compiled(), nil) }
            return (try CompiledRuleset(RulesetLoader.shipped(ruleset)), nil)
        } catch let error as ConfigError {
            throw CuratorExit.input(error.description)
        }
    }

    /// Reads the list: the paths given, else the config's directory, else the working directory.
    func loadWorkspace(paths: [String]) throws -> Workspace {
        let (ruleset, configDirectory) = try loadRuleset()
        let targets = paths.isEmpty ? [configDirectory?.path ?? "."] : paths
        do {
            return try Workspace(
                paths: targets, ruleset: ruleset, workingDirectory: workingDirectory, root: configDirectory)
        } catch {
            throw CuratorExit.input(error.description)
        }
    }

    /// Prints to standard output, or writes the output file atomically.
    func emit(_ text: String) throws {
        guard let output else {
            // The report's bytes are written where they are: a large JSON report is tens of
            // megabytes, and copying it into a `Data` first cost a visible share of the run.
            var text = text
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                FileHandle.standardOutput.write(
                    Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
            }
            return
        }
        let url = URL(fileURLWithPath: output, relativeTo: workingDirectory)
        do {
            try AtomicWriter.write(Array(text.utf8), to: url)
        } catch {
            throw CuratorExit.input("\(output): cannot write: \(error.localizedDescription)")
        }
    }
}
