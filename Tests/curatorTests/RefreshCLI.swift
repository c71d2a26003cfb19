import Foundation

/// Runs the binary off the cooperative thread pool.
///
/// `CLI.run` blocks its thread until the child exits. The API doubles the child talks to run on
/// the same process's cooperative pool, which has one thread per core; two tests blocking two
/// threads on a 2-core machine would leave no thread to answer the child, and both would wait
/// forever. A Dispatch thread outside the pool does the waiting instead.
enum RefreshCLI {
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) async throws
        -> CLI.Result
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try CLI.run(arguments, in: directory, environment: environment) })
            }
        }
    }
}
