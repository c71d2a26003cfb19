import CuratorHTTP
import CuratorSync
import Foundation
import Glibc

/// The one loopback HTTP/1.1 server of the tests: the API doubles answer through it (see
/// `DoubleServer`), and scripted handlers produce the faults a real server library never would:
/// garbage status lines, resets mid-body, answers that stall until the client gives up.
///
/// It accepts on its own thread and serves each connection on another, reads one request per
/// connection, hands it to the handler, and closes the connection when the handler returns, so a
/// handler may block its thread (on a `Gate`, a `Batcher`, or `RawServer.await` for async work).
/// Every request is logged with its arrival time on the server's clock, so tests can assert from
/// the server's side what the client did.
public final class RawServer: Sendable {
    public typealias Handler = @Sendable (RawRequest, RawConnection) -> Void

    /// The address it listens on, always inside 127.0.0.0/8.
    public let host: String
    public let port: UInt16
    private let listener: Int32
    private let stopped = Mutex(false)
    private let log: RawServerLog

    /// Starts listening on an ephemeral port of `host`. Linux routes all of 127.0.0.0/8 to the
    /// loopback interface, so 127.0.0.2, 127.0.0.3 and so on act as distinct hosts for tests of
    /// per-host limits.
    ///
    /// The log's arrival and write times are read from `clock`: a test that drives a `TestClock`
    /// sees them in the same time as the code under test.
    public init(
        host: String = "127.0.0.1", clock: any NetworkClock = SystemClock(), handler: @escaping Handler
    ) throws(RawServerError) {
        let (fd, port) = try SocketSetup.bind(host: host)
        guard listen(fd, 128) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RawServerError.listen(code)
        }
        self.host = host
        self.port = port
        listener = fd
        let log = RawServerLog(clock: clock)
        self.log = log
        Thread.detachNewThread {
            Self.acceptLoop(listener: fd, log: log, handler: handler)
        }
    }

    deinit {
        stop()
    }

    /// `http://host:port`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    public func url(_ path: String) -> String { baseURL + path }

    /// Every request received so far, in arrival order.
    public var requests: [RawRequest] { log.requests }

    public var exchanges: [RawExchange] { log.exchanges }

    /// Stops accepting; connections already being served run to their end.
    public func stop() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        // Shutting the listener down wakes the blocked accept; the accept thread closes it, so
        // the descriptor is never closed while another thread may still use its number.
        if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    /// Runs an async operation to its end from a handler's thread, which is not one of the
    /// cooperative pool's, so blocking it starves no task.
    public static func `await`<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await operation()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }

    /// A loopback port that nothing listens on, for "connection refused" tests.
    ///
    /// The port stays bound, without listening, until the test process ends: a connection to it is
    /// refused, and no server of a test running in parallel can be given it. (A port that was
    /// freed at once was taken by another test's server, which then answered "connection refused"
    /// tests, and got their requests.)
    public static func unusedPort(host: String = "127.0.0.1") throws(RawServerError) -> UInt16 {
        let (fd, port) = try SocketSetup.bind(host: host)
        reservedPorts.withLock { $0.append(fd) }
        return port
    }

    private static let reservedPorts = Mutex<[Int32]>([])

    /// Runs until `stop` shuts the listener down, which makes accept fail with EINVAL.
    private static func acceptLoop(listener: Int32, log: RawServerLog, handler: @escaping Handler) {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            let connectionID = log.nextConnectionID()
            Thread.detachNewThread {
                serve(RawSocket(fd), connectionID: connectionID, log: log, handler: handler)
            }
        }
        Glibc.close(listener)
    }

    private static func serve(_ socket: RawSocket, connectionID: Int, log: RawServerLog, handler: Handler) {
        guard let parsed = RawRequestParser.read(from: socket) else {
            socket.close()
            return
        }
        let request = log.append(parsed, connectionID: connectionID)
        handler(request, RawConnection(socket: socket, log: log, sequence: request.sequence))
        log.finish(request.sequence)
        socket.close()
    }
}
