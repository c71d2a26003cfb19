import CuratorCore

/// The shipped ruleset that applies when a list has no config file.
///
/// It is compiled on the thread that asks, once the command line says which ruleset applies.
/// Compiling it on another thread while the arguments were parsed was tried: starting that
/// thread took longer (about 0.6 ms on a 2-core machine) than the parsing it overlapped.
enum DefaultRuleset {
    static let name = "awesome-efficient-llm"

    private static let compiledOnce = Result { () throws(ConfigError) in
        try CompiledRuleset(RulesetLoader.shipped(name))
    }

    /// The compiled ruleset, compiled on first use.
    static func compiled() throws(ConfigError) -> CompiledRuleset {
        try compiledOnce.get()
    }
}
