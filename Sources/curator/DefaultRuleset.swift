import CuratorCore
import Dispatch
import Synchronization

/// The shipped ruleset that applies when a list has no config file, compiled on another core
/// while the command line is being parsed.
///
/// Why: a lint of a list spends its first milliseconds parsing arguments, then reading and
/// compiling the ruleset, one after the other on one core while the other waits. Neither needs
/// the other, and nearly every run uses this ruleset, so it is started first; a run that uses a
/// config file or another ruleset has only spent a moment of an idle core.
enum DefaultRuleset {
    static let name = "awesome-efficient-llm"

    private final class Prefetch: Sendable {
        let started = Mutex(false)
        let finished = DispatchSemaphore(value: 0)
        let result = Mutex<Result<CompiledRuleset, ConfigError>?>(nil)
    }

    private static let prefetch = Prefetch()

    /// Starts compiling the ruleset in the background, once however often it is called.
    static func start() {
        let prefetch = self.prefetch
        guard
            prefetch.started.withLock({ started in
                defer { started = true }; return !started
            })
        else { return }
        DispatchQueue.global().async {
            let compiled = Result { () throws(ConfigError) in try CompiledRuleset(RulesetLoader.shipped(name)) }
            prefetch.result.withLock { $0 = compiled }
            prefetch.finished.signal()
        }
    }

    /// The compiled ruleset, waiting for `start()`'s work if it is still running.
    static func compiled() throws(ConfigError) -> CompiledRuleset {
        start()
        prefetch.finished.wait()
        prefetch.finished.signal()
        return try prefetch.result.withLock { $0! }.get()
    }
}
