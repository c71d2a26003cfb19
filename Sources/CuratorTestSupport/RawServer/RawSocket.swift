import CuratorSync
import Glibc

/// A connected TCP socket owned by one connection thread. Closing is idempotent and guarded,
/// so the handler and the server may both close it without closing a reused descriptor.
final class RawSocket: Sendable {
    private let descriptor: Mutex<Int32?>

    init(_ descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
        // A silent client must not pin a server thread forever.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next bytes from the peer: empty at end of stream, nil on error or timeout.
    func receive() -> [UInt8]? {
        guard let fd = descriptor.withLock({ $0 }) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return Array(buffer.prefix(count))
    }

    /// Writes all of `bytes`; false once the peer has gone or the socket is closed.
    /// MSG_NOSIGNAL keeps a vanished peer from raising SIGPIPE in the test process.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        guard let fd = descriptor.withLock({ $0 }) else { return false }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Closes with an orderly FIN after everything written so far.
    func close() {
        guard let fd = take() else { return }
        shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
    }

    /// Closes with a TCP reset: a zero linger time makes the kernel discard unsent data and send
    /// RST instead of FIN, which the client sees as "connection reset by peer".
    func reset() {
        guard let fd = take() else { return }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
    }

    private func take() -> Int32? {
        descriptor.withLock { fd in
            defer { fd = nil }
            return fd
        }
    }
}

/// Socket set-up shared by the server and by tests that need an address nobody listens on.
enum SocketSetup {
    /// A TCP socket bound to `host` on an ephemeral port, and that port.
    static func bind(host: String) throws(RawServerError) -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawServerError.socket(errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1, host.hasPrefix("127.") else {
            Glibc.close(fd)
            throw RawServerError.notLoopback(host)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RawServerError.bind(host, code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }
}

public enum RawServerError: Error, Sendable, Hashable {
    case socket(Int32)
    case bind(String, Int32)
    case listen(Int32)
    /// The raw server only ever binds to 127.0.0.0/8.
    case notLoopback(String)
}
