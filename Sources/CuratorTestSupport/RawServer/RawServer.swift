import CuratorSync
import Foundation
import Glibc

/// A scripted HTTP/1.1 server on a loopback address, for tests that need faults a real server
/// library would never produce: garbage status lines, resets mid-body, bytes dripped slowly.
///
/// It accepts on its own thread and serves each connection on another, reads one request per
/// connection, hands it to the handler, and closes the connection when the handler returns.
/// Every request is logged with its arrival time, so tests can assert from the server's side
/// what the client did.
public final class RawServer: Sendable {
    public typealias Handler = @Sendable (RawRequest, RawConnection) -> Void

    /// The address it listens on, always inside 127.0.0.0/8.
    public let host: String
    public let port: UInt16
    private let listener: Int32
    private let stopped = Mutex(false)
    private let log = RawServerLog()

    /// Starts listening on an ephemeral port of `host`. Linux routes all of 127.0.0.0/8 to the
    /// loopback interface, so 127.0.0.2, 127.0.0.3 and so on act as distinct hosts for tests of
    /// per-host limits.
    public init(host: String = "127.0.0.1", handler: @escaping Handler) throws(RawServerError) {
        let (fd, port) = try SocketSetup.bind(host: host)
        guard listen(fd, 128) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RawServerError.listen(code)
        }
        self.host = host
        self.port = port
        listener = fd
        let log = log
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

    /// A loopback port that nothing listens on, for "connection refused" tests.
    public static func unusedPort(host: String = "127.0.0.1") throws(RawServerError) -> UInt16 {
        let (fd, port) = try SocketSetup.bind(host: host)
        Glibc.close(fd)
        return port
    }

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
