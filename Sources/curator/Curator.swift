import ArgumentParser
internal import CAllocator
import CuratorCore
import CuratorHTTP
import Foundation

/// The command line. Exit status: 0 no error-level finding, 1 error-level findings, 2 usage,
/// configuration or input error (nothing written).
@main
struct Curator: AsyncParsableCommand {
    static let version = CuratorIdentity.version

    static let configuration = CommandConfiguration(
        commandName: "curator",
        abstract: "Keeps curated lists of research papers healthy.",
        version: version,
        subcommands: [LintCommand.self, RulesCommand.self, RefreshCommand.self, ProposeCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// Parses and runs a command, mapping every failure to the documented exit statuses: the
    /// argument parser's own usage errors become 2 instead of its default 64.
    static func main() async {
        tuneAllocator()
        do {
            if let offline = offlineLintDirectly() { try offline.runOffline() }
            if let lint = parseLintDirectly() {
                if lint.offline { try lint.runOffline() }
                try await lint.run()
                return
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CuratorExit {
            if let message = error.message { FileHandle.standardError.write(Data("curator: \(message)\n".utf8)) }
            Foundation.exit(error.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

extension Curator {
    /// Lets glibc's allocator grow its heaps in large steps and keep what it frees.
    ///
    /// Why: a lint allocates a few hundred thousand small objects on every core (document trees,
    /// entries, findings) and frees most of them soon after. With the defaults the heaps grow a
    /// little at a time and hand memory back between files, a system call and fresh page faults
    /// each time. Pages the padding reserves are not touched, so resident memory does not grow.
    /// The worker threads' own heaps are prepared by `reserveThreadHeap` (see `concurrentMap`).
    static func tuneAllocator() {
        callocator_tune_for_many_small_objects()
    }

    /// Words that make the argument parser print something instead of running a command.
    private static let informational = [
        "-h", "--help", "-help", "help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// `curator lint ...` read by `PlainLintArguments` or parsed by the lint command alone, or nil
    /// to leave it to `parseAsRoot`.
    ///
    /// Why: parsing from the root builds every subcommand's arguments first, a millisecond of a
    /// pre-commit lint, and the argument parser's first use costs two more (see
    /// `PlainLintArguments`). Only a command line that names `lint`, asks for no help and parses
    /// cleanly takes this way; anything else, errors included, goes through the root, so
    /// messages and help read exactly as before.
    static func parseLintDirectly() -> LintCommand? {
        guard let lintArguments = plainLintArguments() else { return nil }
        return PlainLintArguments.parse(lintArguments)
            ?? (try? LintCommand.parseAsRoot(lintArguments) as? LintCommand)
    }

    /// `curator lint --offline ...` without network options, read by `PlainLintArguments` without
    /// the argument parser's types; nil for every other command line.
    static func offlineLintDirectly() -> OfflineLint? {
        plainLintArguments().flatMap(PlainLintArguments.offlineLint)
    }

    /// The words after `lint` when the command is `lint` and no word asks for help or the version.
    private static func plainLintArguments() -> [String]? {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "lint", !arguments.contains(where: informational.contains) else { return nil }
        return Array(arguments.dropFirst())
    }
}

/// A finished run with its exit status, and for input errors the message that says where.
struct CuratorExit: Error {
    var status: Int32
    var message: String?

    static let findingsWithErrors = CuratorExit(status: 1, message: nil)

    static func input(_ message: String) -> CuratorExit { CuratorExit(status: 2, message: message) }
}

extension CurlEngine {
    /// The engine of a command that uses the network. Making it is what loads libcurl, so when
    /// libcurl is missing the command ends here, with status 2 and a message saying what to
    /// install, before it has written anything.
    static func forCommand(_ configuration: EngineConfiguration = EngineConfiguration()) throws(CuratorExit)
        -> CurlEngine
    {
        do {
            return try CurlEngine(configuration: configuration)
        } catch {
            throw .input(error.description)
        }
    }
}
