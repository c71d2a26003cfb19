import CuratorReporters

/// `curator lint` command lines in their plain form, read without the argument parser.
///
/// Why: the argument parser finds a command's options by reflecting over its properties, and
/// on the first run of a process that costs about 2.5 ms of runtime type lookups: a tenth of
/// a pre-commit lint of a whole list, and all of it before the list is read. Nearly every lint
/// command line is plain: long options spelt out, each value in the next word or after `=`,
/// and paths. Those are read here into the same `LintCommand` the parser would build, and an
/// offline one without network options into an `OfflineLint`, which builds none of the parser's
/// option types (their first use is most of what is left of reading a command line). Anything
/// else (a short or unknown option, `--`, a repeated option, a value the parser would refuse,
/// a word starting with `-` where a value is expected, a combination `validate()` rejects)
/// returns nil and goes to the parser, so its help and its error messages are unchanged.
/// `PlainLintArgumentsTests` checks that both readings agree, and that every property of the
/// command is set here, so a new option cannot be forgotten.
enum PlainLintArguments {
    /// The options that take no value.
    static let flags: Set<String> = ["offline", "fix", "color", "timings", "no-cache", "no-entity-apis", "whole-list"]
    /// The options that take a value; `remap` and `report` may be given more than once.
    static let valued: Set<String> = [
        "format", "changed-since", "config", "ruleset", "output", "remap", "max-cache-age", "cache", "timeout",
        "concurrency", "progress", "arxiv-spacing", "report", "max-time",
    ]
    /// The valued options that may be given more than once.
    static let repeatable: Set<String> = ["remap", "report"]

    /// The command the arguments after `lint` describe, or nil when the parser should read them.
    static func parse(_ arguments: [String]) -> LintCommand? {
        guard let (flags, values, paths) = words(arguments) else { return nil }
        return command(flags: flags, values: values, paths: paths)
    }

    /// The options of the network stage, which an `OfflineLint` has none of.
    static let networkOptions: Set<String> = [
        "remap", "max-cache-age", "cache", "no-cache", "timeout", "concurrency", "no-entity-apis", "progress",
        "arxiv-spacing", "max-time",
    ]

    /// A plain command line with `--offline` and no network option, read without building the
    /// argument parser's option types (`LintCommand` and its option groups); nil for anything
    /// else, which `parse` or the parser then reads.
    static func offlineLint(_ arguments: [String]) -> OfflineLint? {
        guard let (flags, values, paths) = words(arguments), flags.contains("offline"),
            networkOptions.isDisjoint(with: flags), networkOptions.isDisjoint(with: values.keys),
            let format = choice(values["format"]?.first, default: ReportFormat.text),
            let reports = destinations(values["report"])
        else { return nil }
        let shared = PlainListSettings(
            config: values["config"]?.first, ruleset: values["ruleset"]?.first, output: values["output"]?.first)
        guard !shared.namesConfigAndRuleset else { return nil }
        return OfflineLint(
            shared: shared, format: format, fix: flags.contains("fix"), changedSince: values["changed-since"]?.first,
            color: flags.contains("color"), timings: flags.contains("timings"), paths: paths,
            wholeList: flags.contains("whole-list"), reports: reports)
    }

    /// The flags, the options' values and the paths of a plain command line; nil when it is not
    /// plain.
    private static func words(_ arguments: [String]) -> (Set<String>, [String: [String]], [String])? {
        var flagsSeen: Set<String> = []
        var values: [String: [String]] = [:]
        var paths: [String] = []
        var position = 0
        while position < arguments.count {
            let word = arguments[position]
            position += 1
            guard word.hasPrefix("-") else {
                paths.append(word)
                continue
            }
            guard word.hasPrefix("--"), word.count > 2 else { return nil }
            let body = word.dropFirst(2)
            let name: String
            var inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            if flags.contains(name) {
                guard inlineValue == nil, flagsSeen.insert(name).inserted else { return nil }
            } else if valued.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard position < arguments.count, !arguments[position].hasPrefix("-") else { return nil }
                    value = arguments[position]
                    position += 1
                }
                guard repeatable.contains(name) || values[name] == nil else { return nil }
                values[name, default: []].append(value)
            } else {
                return nil
            }
        }
        return (flagsSeen, values, paths)
    }

    private static func command(flags: Set<String>, values: [String: [String]], paths: [String]) -> LintCommand? {
        func single(_ name: String) -> String? { values[name]?.first }
        var shared = SharedOptions()
        shared.config = single("config")
        shared.ruleset = single("ruleset")
        shared.output = single("output")

        var network = NetworkOptions()
        network.remap = values["remap"] ?? []
        network.maxCacheAge = single("max-cache-age")
        network.cache = single("cache")
        network.maxTime = single("max-time")
        network.noCache = flags.contains("no-cache")
        network.noEntityAPIs = flags.contains("no-entity-apis")
        // A number or a choice the parser would not accept goes to the parser, for its message.
        guard let timeout = optionalNumber(single("timeout"), as: Double.self),
            let concurrency = optionalNumber(single("concurrency"), as: Int.self),
            let arxivSpacing = optionalNumber(single("arxiv-spacing"), as: Double.self),
            let progress = choice(single("progress"), default: ProgressMode.auto),
            let format = choice(single("format"), default: ReportFormat.text),
            let reports = destinations(values["report"])
        else { return nil }
        network.timeout = timeout
        network.concurrency = concurrency
        network.arxivSpacing = arxivSpacing
        network.progress = progress

        var command = LintCommand()
        command.shared = shared
        command.network = network
        command.format = format
        command.offline = flags.contains("offline")
        command.fix = flags.contains("fix")
        command.changedSince = single("changed-since")
        command.color = flags.contains("color")
        command.timings = flags.contains("timings")
        command.paths = paths
        var reporting = ReportingOptions()
        reporting.wholeList = flags.contains("whole-list")
        reporting.reports = reports
        command.reporting = reporting
        do {
            try shared.validate()
            try network.validate()
        } catch {
            return nil
        }
        return command
    }

    /// The `--report` values, nil when one is not `FORMAT=FILE` (the parser then says so).
    private static func destinations(_ texts: [String]?) -> [ReportDestination]? {
        var destinations: [ReportDestination] = []
        for text in texts ?? [] {
            guard let destination = ReportDestination(argument: text) else { return nil }
            destinations.append(destination)
        }
        return destinations
    }

    /// `.some(nil)` for an absent option, `.some(value)` for a readable one, nil for an unreadable one.
    private static func optionalNumber<T: LosslessStringConvertible>(_ text: String?, as _: T.Type) -> T?? {
        guard let text else { return .some(nil) }
        return T(text).map { .some($0) }
    }

    /// The named choice, the default when absent, nil when the name is not a choice.
    private static func choice<T: RawRepresentable<String>>(_ text: String?, default fallback: T) -> T? {
        guard let text else { return fallback }
        return T(rawValue: text)
    }
}
