import CuratorSync
import Foundation

/// Counts requests per behaviour across connections, for servers that fail a set number of times.
final class FlakyCounter: Sendable {
    static let shared = FlakyCounter()
    private let counts = Mutex<[String: Int]>([:])

    func next(_ key: String) -> Int {
        counts.withLock { counts in
            defer { counts[key, default: 0] += 1 }
            return counts[key, default: 0]
        }
    }

    func reset() { counts.withLock { $0 = [:] } }
}

extension CLI {
    /// Runs the binary on a thread of its own. Waiting for a child process blocks its thread for
    /// seconds; on a cooperative thread that would starve the in-process doubles, and every other
    /// suite's async tests running in parallel with it.
    static func runDetached(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Swift.Result { try CLI.run(arguments, in: directory, environment: environment) })
            }
        }
    }
}
