#if canImport(Darwin)
    import Foundation

    /// A value that one thread at a time may read or change, with the shape of Synchronization's
    /// `Mutex`, which macOS has only from version 15 on; curator supports macOS 14. Code that
    /// needs a mutex imports this module instead of Synchronization, so that it builds for both.
    ///
    /// The value is only reached through `withLock`, under the lock, which is what makes sharing
    /// the box between threads safe.
    public final class Mutex<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value

        public init(_ initialValue: sending Value) {
            value = initialValue
        }

        public func withLock<Result, Failure: Error>(
            _ body: (inout sending Value) throws(Failure) -> sending Result
        ) throws(Failure) -> sending Result {
            lock.lock()
            defer { lock.unlock() }
            return try body(&value)
        }
    }
#else
    import Synchronization

    /// On Linux, Synchronization's `Mutex` itself (see the macOS branch for why this module exists).
    public typealias Mutex<Value: ~Copyable> = Synchronization.Mutex<Value>
#endif
