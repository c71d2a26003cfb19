import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps redirects from leading a link check into the machine or the network it runs on.
///
/// A public page that answers `301 Location: http://169.254.169.254/` (a cloud's metadata service),
/// `http://127.0.0.1:8080/` or `http://10.0.0.1/` would otherwise be fetched from inside the CI
/// runner and offered as the link's new address. A redirect hop whose host resolves (as libcurl
/// would resolve it, through getaddrinfo) to a loopback, private, link-local or unspecified
/// address is therefore not followed, unless the link itself already pointed at such an address:
/// a list that links to a server on its own network, and the tests' servers on 127.0.0.1, keep
/// working.
public struct AddressPolicy: Sendable {
    /// The addresses a host name resolves to, as text. Tests replace it to make a loopback server
    /// count as a public host.
    public var resolve: @Sendable (String) -> [String]

    public init(resolve: @escaping @Sendable (String) -> [String] = AddressPolicy.systemResolve) {
        self.resolve = resolve
    }

    /// Why `host` counts as internal (`"127.0.0.1 is a loopback address"`), or nil when every
    /// address it resolves to is public. A host that does not resolve is not internal: the
    /// transfer then fails on its own with "no such host".
    public func internalReason(forHost host: String) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = Self.numericAddress(bare) != nil ? [bare] : resolve(bare)
        // A name may resolve to several addresses; libcurl may connect to any of them.
        for address in addresses {
            if let kind = Self.internalKind(of: address) { return "\(address) is a \(kind) address" }
        }
        return nil
    }

    /// Whether the address literal is in one of the internal ranges, and which.
    static func internalKind(of address: String) -> String? {
        // getnameinfo writes a link-local IPv6 address with its zone, `fe80::1%eth0`.
        let unzoned = String(address.prefix { $0 != "%" })
        switch numericAddress(unzoned) {
        case .v4(let bytes)?: return internalKind(v4: bytes)
        case .v6(let bytes)?: return internalKind(v6: bytes)
        case nil: return nil
        }
    }

    private enum Numeric {
        case v4([UInt8])
        case v6([UInt8])
    }

    private static func numericAddress(_ text: String) -> Numeric? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return .v4(withUnsafeBytes(of: &v4) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return .v6(withUnsafeBytes(of: &v6) { Array($0) })
        }
        return nil
    }

    private static func internalKind(v4 bytes: [UInt8]) -> String? {
        switch (bytes[0], bytes[1]) {
        case (127, _): "loopback"
        case (10, _), (172, 16...31), (192, 168): "private"
        case (169, 254): "link-local"
        case (0, _): "unspecified"
        default: nil
        }
    }

    private static func internalKind(v6 bytes: [UInt8]) -> String? {
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? "loopback" : bytes[15] == 0 ? "unspecified" : nil
        }
        // An IPv4-mapped address (::ffff:a.b.c.d) reaches the IPv4 host it embeds.
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return internalKind(v4: Array(bytes[12..<16]))
        }
        if bytes[0] & 0xFE == 0xFC { return "unique-local" }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return "link-local" }
        return nil
    }

    /// getaddrinfo, the resolver libcurl uses, for both address families.
    public static let systemResolve: @Sendable (String) -> [String] = { host in
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var node = list
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if let address = current.pointee.ai_addr,
                getnameinfo(
                    address, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
            {
                addresses.append(
                    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            node = current.pointee.ai_next
        }
        return addresses
    }
}
