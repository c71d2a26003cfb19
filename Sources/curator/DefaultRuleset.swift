import CuratorCore

/// The shipped ruleset that applies when a list has no config file.
///
/// It is compiled on the thread that asks, once the command line says which ruleset applies.
/// Compiling it on another thread while the arguments were parsed was tried: starting that
/// thread took longer (about 0.6 ms on a 2-core machine) than the parsing it overlapped.
enum DefaultRuleset {
    static let name = "awesome-efficient-llm"

    /// The shipped rulesets, for the messages that say none was chosen.
    static let shipped = "shipped: \(RulesetLoader.shippedNames.joined(separator: ", "))"

    /// The line printed when a command reads a list without a config file or `--ruleset`.
    static let assumedNote =
        "no .curator.yml here or above: reading the list as '\(name)'; `curator init` detects the list's format and writes one, or choose a format with a .curator.yml that says 'extends: NAME', or with --ruleset NAME (\(shipped))"

    /// Why `--fix` refuses to run on the default ruleset, and what to do.
    static let fixRefusal =
        "--fix needs to know the list's format: run `curator init` to detect it and write a .curator.yml, write one that says 'extends: NAME' (a shipped ruleset or a path), or pass --ruleset NAME (\(shipped)); nothing was changed"

    private static let compiledOnce = Result { () throws(ConfigError) in
        try CompiledRuleset(RulesetLoader.shipped(name))
    }

    /// The compiled ruleset, compiled on first use.
    static func compiled() throws(ConfigError) -> CompiledRuleset {
        try compiledOnce.get()
    }
}
