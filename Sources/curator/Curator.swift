import ArgumentParser
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
        subcommands: [
            LintCommand.self, RulesCommand.self, RefreshCommand.self, ProposeCommand.self, DiscoverCommand.self,
            InitCommand.self, MeasurePlacementCommand.self,
        ],
        defaultSubcommand: LintCommand.self
    )

    /// Parses and runs a command, mapping every failure to the documented exit statuses: the
    /// argument parser's own usage errors become 2 instead of its default 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if let lint = command as? LintCommand, lint.offline { try lint.runOffline() }
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

    /// The engine under API clients that retry themselves (see `RetryPolicy` in each client):
    /// it does not retry, so no request is retried by two layers, and the run's budget `clock`
    /// bounds every transfer and wait.
    static func underRetryingClients(clock: DeadlineClock) throws(CuratorExit) -> CurlEngine {
        try forCommand(EngineConfiguration(retry: RetryPolicy(maxAttempts: 1), clock: clock, deadline: clock.deadline))
    }
}
