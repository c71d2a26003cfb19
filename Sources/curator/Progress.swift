import CuratorCore
import CuratorSources
import CuratorSync
import Foundation

/// Shows the link check's progress on standard error: a bar redrawn in place on a terminal, or
/// a plain line every tenth of the way where a bar would fill a log with carriage returns.
final class ProgressDisplay: Sendable {
    enum Style { case bar, lines, off }

    private struct State {
        var total = 0
        var done = 0
        var dead = 0
        /// Failed name lookups: dead when the network works, unreachable when it is down, which
        /// the checker decides only at the end; the line keeps them apart until then.
        var noSuchHost = 0
        var warnings = 0
        var lastDraw: ContinuousClock.Instant?
        var nextLineAt = 0
        var drewBar = false
    }

    private let style: Style
    private let state = Mutex(State())
    /// Redrawing more often than this only costs time; the eye cannot follow it.
    private static let redrawInterval = Duration.milliseconds(100)

    init(mode: Style) {
        style = mode
    }

    /// A bar only on an interactive terminal outside CI; CI logs and pipes get lines.
    static func resolve(_ mode: ProgressMode, environment: [String: String]) -> Style {
        switch mode {
        case .bar: return .bar
        case .lines: return .lines
        case .off: return .off
        case .auto:
            let ci = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
            return !ci && isatty(STDERR_FILENO) == 1 ? .bar : .lines
        }
    }

    func handle(_ event: LinkCheckEvent) {
        guard style != .off else { return }
        let output: String? = state.withLock { state in
            switch event {
            case .started(let total):
                state.total = total
                state.nextLineAt = max(1, total / 10)
                return style == .lines ? "curator: checking \(total) links\n" : nil
            case .stage(let stage):
                return style == .lines ? "curator: \(stage)\n" : nil
            case .decided(_, let verdict):
                state.done += 1
                switch verdict {
                case .dead(.noSuchHost, _, _): state.noSuchHost += 1
                case .dead: state.dead += 1
                case .blocked, .rateLimited, .timeout, .transient: state.warnings += 1
                case .ok, .redirected, .excluded: break
                }
                if style == .lines {
                    guard state.done >= state.nextLineAt, state.done < state.total else { return nil }
                    state.nextLineAt += max(1, state.total / 10)
                    return "curator: \(Self.counts(state))\n"
                }
                let now = ContinuousClock.now
                if let last = state.lastDraw, now - last < Self.redrawInterval, state.done < state.total { return nil }
                state.lastDraw = now
                state.drewBar = true
                return "\r" + Self.bar(state)
            }
        }
        if let output { FileHandle.standardError.write(Data(output.utf8)) }
    }

    /// Ends the display with a summary line.
    func finish(_ statistics: LinkCheckStatistics) {
        guard style != .off else { return }
        let summary = state.withLock { state in
            let prefix = state.drewBar ? "\r" + Self.bar(state) + "\n" : ""
            return prefix
                + "curator: \(statistics.urls) links: \(statistics.cached) from the cache, \(statistics.byRepositoryAPI) by the GitHub API, "
                + "\(statistics.byPaperAPI) by the arXiv API, \(statistics.byHTTP) by HTTP, \(statistics.excluded) excluded; "
                // The checker may turn lookups that failed while no server answered into warnings
                // after they were shown, so the summary takes its counts from the checker.
                + "\(statistics.dead) dead, \(statistics.unreachable) unreachable\n"
        }
        FileHandle.standardError.write(Data(summary.utf8))
    }

    func note(_ message: String) {
        FileHandle.standardError.write(Data("curator: \(message)\n".utf8))
    }

    private static func counts(_ state: State) -> String {
        let hosts = state.noSuchHost > 0 ? ", \(state.noSuchHost) no such host" : ""
        return "checked \(state.done)/\(state.total) links (\(state.dead) dead\(hosts), \(state.warnings) unreachable)"
    }

    private static func bar(_ state: State) -> String {
        let width = 30
        let filled = state.total == 0 ? width : min(width, state.done * width / state.total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + counts(state)
    }
}

/// One line of status for `refresh` and `propose`, redrawn in place on a terminal. Nothing at all
/// is written when standard error is not a terminal or the run is in CI: a log gains nothing from
/// a line that only says work is still going on.
final class StatusLine: Sendable {
    private let enabled: Bool
    private let drawn = Mutex(false)

    init(environment: [String: String]) {
        let ci = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
        enabled = !ci && isatty(STDERR_FILENO) == 1
    }

    func show(_ text: String) {
        guard enabled else { return }
        drawn.withLock { $0 = true }
        // Carriage return, then erase the rest of the line: a shorter status leaves nothing behind.
        FileHandle.standardError.write(Data("\r\u{1B}[Kcurator: \(text)".utf8))
    }

    /// Erases the line, so that what is printed next starts at the margin.
    func clear() {
        guard enabled, drawn.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
